package org.quanze.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the server's file system out of what it answers. Messages of file-system exceptions name
 * absolute paths ({@code /srv/quanze/index-data/index/CURRENT.tmp: Is a directory}); an answer
 * says where inside the data folder ({@code index/CURRENT.tmp: Is a directory}), and any other
 * absolute path is cut to its last part ({@code …/quanze-upload.tmp}).
 */
final class ServerPaths {

    /** An absolute path of two parts or more, Unix or Windows, not inside a word ("and/or" stays). */
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.~-])(?:[A-Za-z]:)?[/\\\\](?:[^\\s/\\\\'\"(),;:<>]+[/\\\\])+([^\\s/\\\\'\"(),;:<>]*)");

    /** Where a spelling of the data folder (as given, absolute, links resolved) starts a path, longest first. */
    private final List<Pattern> dataFolder;

    ServerPaths(Path dataDir) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(withSeparator(dataDir));
        spellings.add(withSeparator(dataDir.toAbsolutePath().normalize()));
        try {
            spellings.add(withSeparator(dataDir.toRealPath()));
        } catch (IOException e) {
            // not there (yet): the other spellings still apply
        }
        // Only where a path starts: a relative "data/" must not eat the end of "metadata/".
        this.dataFolder = spellings.stream().filter(x -> x.length() > 1).sorted((a, b) -> b.length() - a.length())
                .map(x -> Pattern.compile("(?<![\\p{L}\\p{N}_.~/\\\\-])" + Pattern.quote(x))).toList();
    }

    private static String withSeparator(Path p) {
        String sep = p.getFileSystem().getSeparator();
        String s = p.toString();
        return s.endsWith(sep) ? s : s + sep;
    }

    /** The text with paths in the data folder made relative to it and any other absolute path cut to its last part. */
    String hide(String text) {
        if (text == null) return null;
        String t = text;
        for (Pattern root : dataFolder) t = root.matcher(t).replaceAll("");
        return ABSOLUTE.matcher(t).replaceAll(r -> Matcher.quoteReplacement("…/" + r.group(1)));
    }
}
