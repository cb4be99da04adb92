package org.quanze.statute;

import com.fasterxml.jackson.core.type.TypeReference;
import org.quanze.model.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The statute library: the official texts of the laws the lists cite, every version the laws
 * folder holds, cut into articles, with the repeals and renumberings that take a law or its
 * numbering out of force. Read at ingest from the data folder's {@code laws/} (recursively, links
 * followed, so a larger collection can be placed or linked inside it) and stored with each index
 * generation, so the texts served always match the checks made when the index was built.
 */
public final class LawLibrary {

    /** The file, in a generation folder, that holds the library the generation was built with. */
    public static final String STORED = "laws.json.gz";
    public static final String SUCCESSIONS = "successions.tsv";
    public static final String METADATA = "laws.tsv";
    /** "…《中华人民共和国行政监察法》同时废止": a law's closing article repealing another. */
    private static final Pattern REPEALS = Pattern.compile("同时废止|予以废止");
    private static final Pattern TITLE = Pattern.compile("《([^《》]{2,120})》");
    private static final int MAX_QUOTED = 200;
    /** Files over this size are no law text (the longest law, the civil code, is about 0.3 MB). */
    private static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    /** What was read and what could not be, with why; the form stored with a generation. */
    record Contents(List<LawVersion> versions, List<Succession> successions, List<String> problems) {}

    private final Map<String, List<LawVersion>> byName;
    private final Map<String, List<Succession>> successions;
    private final List<String> problems;
    private final LawNames names;

    private LawLibrary(Contents c) {
        Map<String, List<LawVersion>> m = new TreeMap<>();
        for (LawVersion v : c.versions()) m.computeIfAbsent(v.name(), k -> new ArrayList<>()).add(v);
        m.values().forEach(l -> l.sort(Comparator.comparing(LawVersion::published)));
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Collections.unmodifiableMap(m);
        Map<String, List<Succession>> s = new LinkedHashMap<>();
        for (Succession x : c.successions()) s.computeIfAbsent(x.law(), k -> new ArrayList<>()).add(x);
        this.successions = Collections.unmodifiableMap(s);
        this.problems = List.copyOf(c.problems());
        this.names = LawNames.standard().with(byName.keySet());
    }

    public static LawLibrary empty() {
        return new LawLibrary(new Contents(List.of(), List.of(), List.of()));
    }

    /**
     * Reads every law text (*.md), laws.tsv and successions.tsv under {@code lawsDir}; a missing
     * folder is an empty library. A file that cannot be read is listed in {@link #problems} with
     * why, and the others are read.
     */
    public static LawLibrary load(Path lawsDir) throws IOException {
        List<LawVersion> versions = new ArrayList<>();
        List<Succession> listed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(lawsDir)) return empty();
        List<Path> files;
        try (Stream<Path> s = Files.walk(lawsDir, FileVisitOption.FOLLOW_LINKS)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Map<Path, LawMetadata> metadata = new LinkedHashMap<>();
        for (Path f : files) {
            if (!f.getFileName().toString().equals(METADATA)) continue;
            try {
                metadata.put(f.getParent(), LawMetadata.parse(Files.readAllLines(f, StandardCharsets.UTF_8), lawsDir.relativize(f).toString()));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(lawsDir.relativize(f) + ": " + e.getMessage());
            }
        }
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Path f : files) {
            String rel = lawsDir.relativize(f).toString().replace('\\', '/');
            String fileName = f.getFileName().toString();
            try {
                if (fileName.equals(SUCCESSIONS)) {
                    listed.addAll(Succession.parse(Files.readAllLines(f, StandardCharsets.UTF_8), rel));
                } else if (fileName.endsWith(".md") && !fileName.startsWith(".") && !fileName.equalsIgnoreCase("README.md")) {
                    if (Files.size(f) > MAX_FILE_BYTES) throw new IllegalArgumentException("larger than " + MAX_FILE_BYTES + " bytes: no law text");
                    Path dir = metaDir(f.getParent(), lawsDir, metadata);
                    LawMetadata meta = dir == null ? LawMetadata.empty() : metadata.get(dir);
                    String local = dir == null ? rel : dir.relativize(f).toString().replace('\\', '/');
                    LawVersion v = LawFile.read(rel, Files.readString(f, StandardCharsets.UTF_8), meta.row(local));
                    // The same version reached twice (a collection linked beside a copy of some of its files) is read once.
                    if (seen.putIfAbsent(v.name() + "\u0000" + v.published(), true) == null) versions.add(v);
                }
            } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
                problems.add(rel + ": " + e.getMessage());
            }
        }
        List<Succession> all = new ArrayList<>(listed);
        all.addAll(statedRepeals(versions, listed));
        return new LawLibrary(new Contents(versions, all, problems));
    }

    /** The nearest folder at or above {@code dir} (within the laws folder) that has a laws.tsv. */
    private static Path metaDir(Path dir, Path root, Map<Path, LawMetadata> metadata) {
        for (Path d = dir; d != null && d.startsWith(root); d = d.getParent()) {
            if (metadata.containsKey(d)) return d;
        }
        return null;
    }

    /**
     * Repeals the texts themselves state in a closing article ("《中华人民共和国行政监察法》同时废止"),
     * for laws no data row covers already. A law repealing an earlier text of its own name is a
     * new version, not a repeal.
     */
    static List<Succession> statedRepeals(List<LawVersion> versions, List<Succession> listed) {
        Map<String, Succession> out = new LinkedHashMap<>();
        List<LawVersion> ordered = new ArrayList<>(versions);
        ordered.sort(Comparator.comparing(LawVersion::published));
        for (LawVersion v : ordered) {
            for (LawVersion.Article a : v.articles()) {
                for (String sentence : a.text().split("[。\n]")) {
                    if (!REPEALS.matcher(sentence).find()) continue;
                    Matcher t = TITLE.matcher(sentence);
                    while (t.find()) {
                        String repealed = LawNames.standard().canonical(t.group(1));
                        if (repealed == null || repealed.equals(v.name()) || out.containsKey(repealed)) continue;
                        if (listed.stream().anyMatch(s -> s.law().equals(repealed) && s.event().equals(Succession.REPEALED))) continue;
                        String date = v.validFrom() != null ? v.validFrom() : v.published();
                        // A closing article is short: quote it whole; a long one by its sentence.
                        String words = a.text().length() <= MAX_QUOTED ? a.text().strip() : sentence.strip() + "。";
                        out.put(repealed, new Succession(repealed, Succession.REPEALED, date, v.name(), v.published(),
                                v.title() + "（" + v.published() + "）" + a.label() + "：“" + words + "”"));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Every version of the law, oldest first; empty when the library does not hold it. */
    public List<LawVersion> versions(String law) {
        return byName.getOrDefault(law, List.of());
    }

    /** The law's latest version, or null. */
    public LawVersion current(String law) {
        List<LawVersion> v = versions(law);
        return v.isEmpty() ? null : v.get(v.size() - 1);
    }

    /** The version published on that date, or null. */
    public LawVersion version(String law, String published) {
        for (LawVersion v : versions(law)) if (v.published().equals(published)) return v;
        return null;
    }

    /**
     * The article a checked citation is linked to (in the version the check chose), or null where
     * it names no article or the library holds no text of it.
     */
    public LawVersion.Article linked(org.quanze.model.Statute s) {
        if (s.article() == null || s.check() == null || s.check().version() == null) return null;
        LawVersion v = version(s.law(), s.check().version());
        return v == null ? null : v.article(s.article());
    }

    /** A citation of the legal basis and the article of the library it is linked to. */
    public record BasisArticle(org.quanze.model.Statute citation, LawVersion.Article article) {}

    /** The articles a record's legal basis cites that the library holds, in the order cited. */
    public List<BasisArticle> basisLinks(org.quanze.model.PowerRecord r) {
        List<BasisArticle> out = new ArrayList<>();
        for (org.quanze.model.Statute s : r.statutes()) {
            LawVersion.Article a = org.quanze.model.Statute.BASIS.equals(s.role()) ? linked(s) : null;
            if (a != null) out.add(new BasisArticle(s, a));
        }
        return out;
    }

    /**
     * The official texts of the articles a record's legal basis cites, each once, in the order
     * cited: what a list's citation of 第三十八条 stands for, which names none of the conduct it
     * covers.
     */
    public List<String> basisArticles(org.quanze.model.PowerRecord r) {
        return basisLinks(r).stream().map(b -> b.article().text()).distinct().toList();
    }

    /**
     * The repeal of the law, or null while it is in force: a repeal counts unless the library
     * holds a version of the same name published on or after it (a law enacted again).
     */
    public Succession repeal(String law) {
        for (Succession s : successions.getOrDefault(law, List.of())) {
            if (!s.event().equals(Succession.REPEALED)) continue;
            LawVersion latest = current(law);
            if (latest == null || latest.published().compareTo(s.date()) < 0) return s;
        }
        return null;
    }

    /** The renumberings of the law, oldest first. */
    public List<Succession> renumberings(String law) {
        return successions.getOrDefault(law, List.of()).stream()
                .filter(s -> s.event().equals(Succession.RENUMBERED))
                .sorted(Comparator.comparing(Succession::date)).toList();
    }

    /** Every law the library holds, by canonical name. */
    public java.util.Set<String> laws() {
        return byName.keySet();
    }

    /** Every repeal and renumbering, listed or stated in a text. */
    public List<Succession> successions() {
        return successions.values().stream().flatMap(List::stream).toList();
    }

    /** Files that could not be read, each with its path and why. */
    public List<String> problems() {
        return problems;
    }

    /** The name vocabulary with the library's own laws added. */
    public LawNames names() {
        return names;
    }

    /** Stores the library in a generation folder, beside the index built with it. */
    public void save(Path generation) throws IOException {
        List<LawVersion> all = byName.values().stream().flatMap(List::stream).toList();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(generation.resolve(STORED)))) {
            Json.MAPPER.writeValue(out, new Contents(all, successions(), problems));
        }
    }

    /** The library stored with a generation; an empty one for a generation built without it. */
    public static LawLibrary read(Path generation) throws IOException {
        Path f = generation.resolve(STORED);
        if (!Files.isRegularFile(f)) return empty();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return new LawLibrary(Json.MAPPER.readValue(in, new TypeReference<Contents>() {}));
        }
    }
}
