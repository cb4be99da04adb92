package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Ranked hits in the terminal: name, type, units, source and a snippet.")
public final class SearchCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words, \"quoted phrases\", -excluded words.")
    List<String> query = List.of();
    @Option(names = "--type", description = "Power type (repeatable), e.g. 行政处罚.") List<String> type = List.of();
    @Option(names = "--unit", description = "Responsible unit (repeatable).") List<String> unit = List.of();
    @Option(names = "--level", description = "Level: 省级, 市级, 县级 or 乡级 (repeatable).") List<String> level = List.of();
    @Option(names = "--statute", description = "Law, or law/article, e.g. 社会保险法/87 (repeatable).") List<String> statute = List.of();
    @Option(names = "--source", description = "Source list id (repeatable).") List<String> source = List.of();
    @Option(names = "--limit", defaultValue = "10", description = "Hits to show, 1–100 (default ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--explain", description = "Also show how the question was read and why each hit scored.") boolean explain;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 100) throw new IllegalArgumentException("--limit must be between 1 and 100");
        Map<String, List<String>> filters = new LinkedHashMap<>();
        put(filters, "type", type);
        put(filters, "unit", unit);
        put(filters, "level", level);
        put(filters, "statute", statute);
        put(filters, "source", source);
        try (Engine e = Engine.open(data.dir, true, System.err)) {
            SearchService search = e.search().withTimeLimit(SearchService.ONE_QUESTION_TIME_LIMIT);
            FacetValues.check(filters, search.counts());
            SearchResult r = search.search(new SearchRequest(String.join(" ", query), filters, 1, limit,
                    SearchRequest.RELEVANCE, explain));
            System.out.println(r.total() + " items (" + r.tookMs() + " ms)"
                    + (r.matched() != null ? "; the first " + r.matched() + " hold enough of the question, the rest less" : "")
                    + (r.partial() ? "; no item answers the whole question" : "")
                    + (r.offices().isEmpty() ? "" : "; the items of " + String.join(", ", r.offices()) + " first"));
            if (r.reading() != null) {
                for (SearchResult.Reading.Concept c : r.reading().concepts()) {
                    System.out.printf("  concept %s%s%s: %s%n", c.surface(), c.found() ? "" : " (in no item)",
                            c.counted() ? "" : " (not counted)", String.join(" | ", c.spellings()));
                }
                System.out.println("  an item must contain " + r.reading().required() + " of the counted concepts"
                        + (r.reading().statutes().isEmpty() ? "" : "; statutes " + r.reading().statutes()));
            }
            int i = 1;
            for (SearchResult.Hit h : r.hits()) {
                String line = String.join(" · ", java.util.stream.Stream.of(String.join("、", h.units()),
                        String.join("、", h.levels()), sourceTitle(h.source().id(), h.source().title()))
                        .filter(x -> !x.isBlank()).toList());
                System.out.printf("%n%2d. %s%n    [%s] %s%n", i++, h.name(), h.powerType(), line);
                String where = String.join(" · ", java.util.stream.Stream.of(h.department(), h.region())
                        .filter(x -> x != null && !x.isBlank()).toList());
                System.out.println("    " + (where.isEmpty() ? "" : where + "  ") + "电话："
                        + (!h.phones().isEmpty() ? String.join("、", h.phones()) : h.listGivesPhones() ? "本事项未列电话" : "本清单未公布电话")
                        + "  " + h.id());
                for (SearchResult.Highlight hl : h.highlights()) {
                    System.out.println("    " + hl.label() + "：" + hl.text("【", "】").replaceAll("\\s+", " "));
                }
                if (!h.samePowerCites().isEmpty()) {
                    System.out.println("    本清单未列法律依据；其他清单中的同一事项以 " + String.join("、", h.samePowerCites()) + " 为依据");
                }
                if (!h.missing().isEmpty()) System.out.println("    lacks: " + String.join("、", h.missing()));
                if (h.explain() != null) {
                    System.out.printf("    score %.2f:", h.explain().score());
                    h.explain().contributions().forEach(c -> System.out.printf(" %s%s %.2f;", c.mechanism(),
                            c.detail() == null ? "" : "(" + c.detail() + ")", c.score()));
                    System.out.println();
                }
            }
        }
        return 0;
    }

    /** As the page names a list (web/js/render.js sourceTitle): an untitled one by its number. */
    static String sourceTitle(String id, String title) {
        if (title != null && !title.isBlank() && !title.equals(id)) return title;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)_").matcher(id == null ? "" : id);
        return m.find() ? "未具名清单 " + m.group(1) : "未具名清单";
    }

    private static void put(Map<String, List<String>> m, String k, List<String> v) {
        if (!v.isEmpty()) m.put(k, v);
    }
}
