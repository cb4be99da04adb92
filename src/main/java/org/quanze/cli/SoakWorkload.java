package org.quanze.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The request mix of the soak: mostly searches (words, phrases, exclusions, facets, paging,
 * browsing), suggestions on every keystroke, item pages, statutes, the page itself, and a few
 * requests that must be refused. Each request carries the statuses that count as success.
 */
final class SoakWorkload {

    /** One request: a label for the report, the path and query, and the statuses that are not errors. */
    record Request(String kind, String path, Set<Integer> ok) {}

    static final List<String> QUERIES = List.of("医疗", "医疗保障", "行政处罚", "监督检查", "骗取医疗保障基金", "\"医疗保障基金\"",
            "社会保险法", "社会保险法 第八十六条", "医疗救助", "定点医药机构", "处罚 -检查", "欺诈骗保", "怎么举报骗保", "药品价格",
            "行政给付", "参保登记", "稽核", "医保目录", "生育保险", "医疗保障局", "违规收费", "行政强制 查封", "异地就医", "待遇支付");
    static final List<String> TYPES = List.of("行政处罚", "行政检查", "行政强制", "行政给付", "行政确认", "行政奖励", "其他行政权力");
    static final List<String> LEVELS = List.of("省级", "市级", "县级", "乡级");
    static final List<String> LAWS = List.of("社会保险法", "医疗保障基金使用监督管理条例", "行政处罚法");
    static final Set<Integer> OK = Set.of(200);
    static final Set<Integer> REFUSED = Set.of(400);

    /** Item ids seen in answers, so item pages ask for real ones. */
    final List<String> ids = new CopyOnWriteArrayList<>();

    Request next(Random rnd) {
        int roll = rnd.nextInt(100);
        if (roll < 55) return search(rnd);
        if (roll < 75) {
            String q = QUERIES.get(rnd.nextInt(QUERIES.size()));
            return new Request("suggest", "/api/suggest?q=" + enc(q.substring(0, 1 + rnd.nextInt(Math.min(4, q.length())))), OK);
        }
        if (roll < 85 && !ids.isEmpty()) return new Request("item", "/api/items/" + enc(ids.get(rnd.nextInt(ids.size()))), OK);
        if (roll < 89) return new Request("statutes", "/api/statutes", OK);
        if (roll < 92) return new Request("statute", "/api/statutes/" + enc(LAWS.get(rnd.nextInt(LAWS.size()))), Set.of(200, 404));
        if (roll < 94) return new Request("health", "/api/health", OK);
        if (roll < 96) return new Request("page", rnd.nextBoolean() ? "/" : "/js/main.js", OK);
        return hostile(rnd);
    }

    private Request search(Random rnd) {
        int size = rnd.nextInt(5) > 0 ? 10 : rnd.nextBoolean() ? 20 : 50;
        StringBuilder p = new StringBuilder("/api/search?size=" + size);
        int kind = rnd.nextInt(10);
        if (kind > 0) p.append("&q=").append(enc(QUERIES.get(rnd.nextInt(QUERIES.size()))));
        if (rnd.nextInt(3) == 0) p.append("&type=").append(enc(TYPES.get(rnd.nextInt(TYPES.size()))));
        if (rnd.nextInt(6) == 0) p.append("&level=").append(enc(LEVELS.get(rnd.nextInt(LEVELS.size()))));
        if (rnd.nextInt(8) == 0) p.append("&statute=").append(enc(LAWS.get(rnd.nextInt(LAWS.size()))));
        if (rnd.nextInt(5) == 0) p.append("&page=").append(1 + rnd.nextInt(3));
        if (rnd.nextInt(10) == 0) p.append("&sort=source");
        return new Request(kind == 0 ? "browse" : "search", p.toString(), OK);
    }

    private static Request hostile(Random rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> new Request("refused", "/api/search?page=200&size=100", REFUSED);
            case 1 -> new Request("refused", "/api/search?q=" + "医".repeat(1001), REFUSED);
            case 2 -> new Request("literal", "/api/search?q=" + enc(List.of("*abc", "/.*/", "a~", "field:value").get(rnd.nextInt(4))), OK);
            case 3 -> new Request("refused", "/api/search?size=1000", REFUSED);
            default -> new Request("missing", "/api/items/no-such-item", Set.of(404));
        };
    }

    /** Remembers the hits' item ids from a search answer (a cheap scan, no JSON parse on the hot path). */
    void learn(String body) {
        if (ids.size() >= 500) return;
        int at = 0;
        while ((at = body.indexOf("{\"id\":\"", at)) >= 0) {
            int start = at + 7, end = body.indexOf('"', start);
            if (end < 0) return;
            // A hit's id is followed by its kind; a source's id (in "source") is not an item.
            if (body.startsWith("\",\"kind\":", end)) {
                String id = body.substring(start, end);
                if (!ids.contains(id)) ids.add(id);
            }
            at = end;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
