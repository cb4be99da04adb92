package org.quanze.web;

import io.javalin.http.Context;
import org.quanze.search.SearchRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates query parameters into requests; every rejection names the parameter, says why and what
 * to do instead, in Chinese, the language of the page that shows it. Lengths are counted in
 * characters as a reader counts them (code points), so a rare character outside the Basic
 * Multilingual Plane counts once, not twice.
 */
final class Params {

    static final int MAX_QUERY_CHARS = 1000;
    static final int MAX_SUGGEST_CHARS = 100;
    static final int MAX_SIZE = 100;
    /** Deep pages are refused instead of scanned: page × size may not pass this. */
    static final int MAX_WINDOW = 10_000;
    static final int MAX_FACET_VALUES = 50;
    static final int MAX_FACET_VALUE_CHARS = 200;
    static final List<String> FACETS = org.quanze.index.Facet.params();
    static final Set<String> SEARCH_PARAMS = searchParams();

    private Params() {}

    private static Set<String> searchParams() {
        Set<String> all = new java.util.LinkedHashSet<>(List.of("q"));
        all.addAll(FACETS);
        all.addAll(List.of("page", "size", "sort", "explain"));
        return java.util.Collections.unmodifiableSet(all);
    }

    static SearchRequest search(Context ctx) {
        checkEscapes(ctx);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!SEARCH_PARAMS.contains(name) && !name.startsWith("_")) {
                throw ApiError.badParameter("没有名为 '" + abbreviate(name) + "' 的参数。筛选参数有 " + String.join("、", FACETS)
                        + "，其他参数有 q、page、size、sort、explain");
            }
        }
        return request(ctx);
    }

    /** A download of a whole result set: the search's parameters, without paging, and a format. */
    record Export(String format, SearchRequest request) {}

    static final List<String> EXPORT_FORMATS = List.of("csv", "xlsx");
    /** At most this many items in one download. */
    static final int MAX_EXPORT = 10_000;

    static Export export(Context ctx) {
        checkEscapes(ctx);
        for (String name : ctx.queryParamMap().keySet()) {
            if (name.equals("page") || name.equals("size")) {
                throw ApiError.badParameter("导出不分页，参数 " + name + " 不适用：一次导出全部结果（最多 " + MAX_EXPORT + " 项），请去掉它");
            }
            if (!SEARCH_PARAMS.contains(name) && !name.equals("format") && !name.startsWith("_")) {
                throw ApiError.badParameter("没有名为 '" + abbreviate(name) + "' 的参数。筛选参数有 " + String.join("、", FACETS)
                        + "，其他参数有 q、sort、format");
            }
        }
        String format = single(ctx, "format");
        if (format == null || !EXPORT_FORMATS.contains(format)) {
            throw ApiError.badParameter("参数 format 须为 csv 或 xlsx" + (format == null ? "" : "，不能是 '" + abbreviate(format) + "'"));
        }
        return new Export(format, request(ctx));
    }

    /** The suggestion prefix, checked; null when there is nothing to complete. */
    static String suggestQuery(Context ctx) {
        checkEscapes(ctx);
        String q = single(ctx, "q");
        if (q == null || q.isBlank()) return null;
        int chars = chars(q);
        if (chars > MAX_SUGGEST_CHARS) {
            throw ApiError.badParameter("参数 q 有 " + chars + " 个字，建议只补全不超过 " + MAX_SUGGEST_CHARS + " 个字的开头；请直接检索");
        }
        return q.strip();
    }

    private static SearchRequest request(Context ctx) {
        String q = single(ctx, "q");
        if (q != null && chars(q) > MAX_QUERY_CHARS) {
            throw ApiError.badParameter("检索词 q 有 " + chars(q) + " 个字，最多 " + MAX_QUERY_CHARS
                    + " 个字；请删减后再检索，例如只留事项名称或法规名称中的关键词");
        }
        int page = integer(ctx, "page", 1, 1, MAX_WINDOW);
        int size = integer(ctx, "size", 10, 1, MAX_SIZE);
        if ((long) page * size > MAX_WINDOW) {
            throw ApiError.badParameter("参数 page 与 size：第 " + page + " 页（每页 " + size + " 项）超出了前 " + MAX_WINDOW
                    + " 项结果；请用筛选条件缩小范围，不要翻到这么深");
        }
        String sort = single(ctx, "sort");
        if (sort != null && !sort.equals(SearchRequest.RELEVANCE) && !sort.equals(SearchRequest.BY_SOURCE)) {
            throw ApiError.badParameter("参数 sort 须为 relevance（相关度）或 source（按清单顺序），不能是 '" + abbreviate(sort) + "'");
        }
        String explain = single(ctx, "explain");
        if (explain != null && !explain.equals("true") && !explain.equals("false")) {
            throw ApiError.badParameter("参数 explain 须为 true 或 false");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : FACETS) {
            List<String> values = ctx.queryParams(f).stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
            for (String v : values) {
                if (chars(v) > MAX_FACET_VALUE_CHARS) {
                    throw ApiError.badParameter("参数 " + f + " 的取值超过 " + MAX_FACET_VALUE_CHARS + " 个字；请从筛选条件中选取");
                }
            }
            if (values.size() > MAX_FACET_VALUES) {
                throw ApiError.badParameter("参数 " + f + " 最多可选 " + MAX_FACET_VALUES + " 个取值，现有 " + values.size() + " 个");
            }
            if (!values.isEmpty()) filters.put(f, values);
        }
        return new SearchRequest(q, filters, page, size, sort, "true".equals(explain));
    }

    static String single(Context ctx, String name) {
        List<String> v = ctx.queryParams(name);
        if (v.size() > 1) throw ApiError.badParameter("参数 " + name + " 出现了 " + v.size() + " 次；请只给一次");
        return v.isEmpty() ? null : v.get(0);
    }

    static int integer(Context ctx, String name, int dflt, int min, int max) {
        String v = single(ctx, name);
        if (v == null || v.isBlank()) return dflt;
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badParameter("参数 " + name + " 须为整数，不能是 '" + abbreviate(v) + "'");
        }
        if (n < min || n > max) throw ApiError.badParameter("参数 " + name + " 须在 " + min + " 到 " + max + " 之间，现为 " + n);
        return n;
    }

    /** Characters as a reader counts them: a supplementary character (two UTF-16 units) is one. */
    static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Refuses a query string whose percent escapes are not well formed ({@code %zz}, a lone
     * {@code %}, a cut-off UTF-8 sequence such as {@code %E5%8C}): the framework's decoder turns
     * them into nothing, so {@code q=%zz} would quietly search for everything.
     */
    static void checkEscapes(Context ctx) {
        String raw = ctx.queryString();
        if (raw == null || raw.indexOf('%') < 0) return;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String shownName = wellFormed(name) ? decode(name) : abbreviate(name);
            if (!wellFormed(name)) throw malformed(shownName);
            if (!wellFormed(value)) throw malformed(shownName);
        }
    }

    private static ApiError malformed(String name) {
        return ApiError.badParameter("参数 " + name + " 含有无效的百分号转义（% 后须为两位十六进制数，且合起来是 UTF-8 字符）；"
                + "请把 % 写成 %25，或让浏览器重新编码这个地址");
    }

    /** Whether every % starts a two-digit hex escape and the escaped bytes are valid UTF-8. */
    static boolean wellFormed(String part) {
        if (part.indexOf('%') < 0) return true;
        ByteBuffer bytes = ByteBuffer.allocate(part.length() * 3);
        for (int i = 0; i < part.length(); ) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) return false;
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return false;
                bytes.put((byte) (hi * 16 + lo));
                i += 3;
            } else {
                // Unescaped text is passed through as its UTF-8 bytes ('+' is a space to the decoder, valid either way).
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < part.length()) {
                    b = part.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.put(b);
                i++;
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String decode(String name) {
        return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return chars(s) > 40 ? s.substring(0, s.offsetByCodePoints(0, 40)) + "…" : s;
    }
}
