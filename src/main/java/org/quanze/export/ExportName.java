package org.quanze.export;

import org.quanze.search.SearchRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The name of an exported file, saying what is inside: 权责清单, then the words searched for and
 * the filters chosen, then the date, e.g. {@code 权责清单-行政处罚-2026-12-01.xlsx} or
 * {@code 权责清单-稽核-行政检查-县级-2026-12-01.csv}. Without words or filters it is
 * {@code 权责清单-全部-…}. Safe as a file name on every system: no path or reserved characters,
 * and short enough for any file system.
 */
public final class ExportName {

    static final String PREFIX = "权责清单";
    static final String ALL = "全部";
    /** Characters Windows, macOS or Linux refuse in a name, control and bidi characters among them. */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]+");
    static final int MAX_PART_CHARS = 20;
    static final int MAX_NAME_CHARS = 80;
    /** Filter parameters in the order they name the file; each joins its values with 、. */
    private static final List<String> FACETS = List.of("type", "level", "unit", "statute", "source", "kind");
    private static final Map<String, String> KINDS = Map.of("duty", "部门主体责任", "all", "全部事项", "power", "");

    private ExportName() {}

    /**
     * The name, without extension, of a download of this search's results.
     *
     * @param sourceTitles list id → title, so that a list filter is named by its title
     */
    public static String of(SearchRequest req, Map<String, String> sourceTitles, LocalDate date) {
        List<String> parts = new ArrayList<>();
        if (req.q() != null && !req.q().isBlank()) parts.add(req.q().replace("\"", "").replaceAll("\\s+", " ").strip());
        for (String facet : FACETS) {
            List<String> values = req.filters().getOrDefault(facet, List.of()).stream()
                    .map(v -> switch (facet) {
                        case "statute" -> statute(v);
                        case "source" -> sourceTitles.getOrDefault(v, v);
                        case "kind" -> KINDS.getOrDefault(v, v);
                        default -> v;
                    })
                    .filter(v -> !v.isEmpty()).toList();
            if (!values.isEmpty()) parts.add(String.join("、", values));
        }
        StringBuilder name = new StringBuilder(PREFIX);
        if (parts.isEmpty()) parts.add(ALL);
        for (String p : parts) {
            String safe = cut(UNSAFE.matcher(p).replaceAll(" ").replaceAll("\\s+", " ").strip(), MAX_PART_CHARS);
            if (safe.isEmpty()) continue;
            if (name.length() + safe.length() + 12 > MAX_NAME_CHARS) break; // room for -YYYY-MM-DD
            name.append('-').append(safe);
        }
        return name.append('-').append(date).toString();
    }

    /** A download of everything, as the command line writes it into a folder. */
    public static String ofAll(LocalDate date) {
        return PREFIX + "-" + ALL + "-" + date;
    }

    /**
     * The Content-Disposition of a download: the name in UTF-8 (RFC 6266 / 5987 {@code filename*},
     * which every current browser reads) and an ASCII name for clients that read only
     * {@code filename}.
     */
    public static String contentDisposition(String name, String extension) {
        String utf8 = URLEncoder.encode(name + "." + extension, StandardCharsets.UTF_8).replace("+", "%20");
        String date = name.substring(name.length() - 10);
        return "attachment; filename=\"quanze-export-" + date + "." + extension + "\"; filename*=UTF-8''" + utf8;
    }

    /** 社会保险法/86 → 社会保险法第86条. */
    private static String statute(String v) {
        int slash = v.lastIndexOf('/');
        return slash > 0 && v.substring(slash + 1).matches("\\d+") ? v.substring(0, slash) + "第" + v.substring(slash + 1) + "条" : v;
    }

    private static String cut(String s, int max) {
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
