package org.quanze.ingest;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Reduces a file name sent by a client to a safe base name for the sources folder: no folder
 * part, no {@code ..}, no control or bidirectional-override characters, no blanks and no
 * characters a shell or another file system would read specially (each becomes {@code _}), and
 * the extension of a format the ingest reads. What cannot be reduced to such a name is refused
 * with why, and so is a name longer than {@value #MAX_BYTES} bytes in UTF-8: cutting it could
 * make two lists one.
 */
public final class SourceFileName {

    /**
     * File systems allow 255 bytes per name, and a Chinese character takes 3 in UTF-8; the rest is
     * room for what may be added to a name on disk (a {@code .tmp} or {@code .previous} suffix).
     */
    public static final int MAX_BYTES = 200;
    /** What {@link GridReaders} reads, and .tsv, which it reads as text. */
    static final java.util.List<String> EXTENSIONS = java.util.stream.Stream.concat(GridReaders.EXTENSIONS.stream(),
            java.util.stream.Stream.of(".tsv")).toList();
    private static final String KEPT_PUNCTUATION = "-_.()（）[]【】·、，,+";

    /** A safe name, or why there is none. */
    public record Result(String name, String refusal) {
        public Optional<String> safe() {
            return Optional.ofNullable(name);
        }
    }

    private SourceFileName() {}

    public static Result reduce(String submitted) {
        if (submitted == null || submitted.isBlank()) return refuse("the file has no name");
        String s = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        // Only the last path segment, whichever separator the client's system uses.
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || type == Character.UNASSIGNED) {
                return; // invisible or unprintable: dropped
            }
            if (Character.isLetterOrDigit(cp) || KEPT_PUNCTUATION.indexOf(cp) >= 0) b.appendCodePoint(cp);
            else b.append('_'); // blanks too: item ids start with the file name and go into URLs
        });
        String collapsed = b.toString().replaceAll("_{2,}", "_").replaceAll("\\.{2,}", ".");
        int dot = collapsed.lastIndexOf('.');
        String stem = (dot < 0 ? collapsed : collapsed.substring(0, dot)).replaceAll("^[._]+", "").replaceAll("[._]+$", "");
        String ext = dot < 0 ? "" : collapsed.substring(dot + 1).replace("_", "").toLowerCase(Locale.ROOT);
        if (stem.chars().noneMatch(Character::isLetterOrDigit)) {
            return refuse("the file name '" + shown(submitted) + "' has no usable characters"
                    + (ext.isEmpty() ? "" : " before its extension"));
        }
        if (ext.isEmpty()) {
            return refuse("the file name '" + shown(submitted) + "' has no extension; it must end in one of "
                    + String.join(", ", EXTENSIONS) + ", which says how the list is read");
        }
        if (!EXTENSIONS.contains("." + ext)) {
            return refuse("only lists in " + String.join(", ", EXTENSIONS) + " files are read, not ." + shown(ext));
        }
        String name = stem + "." + ext;
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return refuse("the file name is " + bytes + " bytes long in UTF-8, over the limit of " + MAX_BYTES
                    + " bytes (a Chinese character takes 3: " + (MAX_BYTES - ext.length() - 1) / 3 + " of them and ." + ext
                    + " fit); shorten it");
        }
        return new Result(name, null);
    }

    private static Result refuse(String why) {
        return new Result(null, why);
    }

    private static String shown(String s) {
        String t = s.codePoints().filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
