package org.quanze.ingest;

import org.quanze.model.ResourceText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who issued a list and where it applies, read from what the list itself says, with the evidence
 * for each: a citizen needs the department and the city on every item, and most lists name them
 * only once, or only through their phone numbers. Nothing is guessed: what no evidence names
 * stays null.
 *
 * <p>The authority is, in this order: the one {@code sources.json} records; the 行使主体 that more
 * than half of the list's rows state; the organisation its title names (克拉玛依市医疗保障局2024年权责清单).
 * The region: the one {@code sources.json} records; a place name that begins the title, the
 * authority, the tables' titles or the units (伊宁市医疗保障局 → 伊宁市); else the city of the area
 * code most of the list's phone numbers share, from the area-code table (0825 → 四川省遂宁市).
 *
 * @param authority      the issuing department, or null
 * @param region         the city (or county, or province) the list applies to, or null
 * @param evidence       one sentence per conclusion, saying what it rests on
 * @param itemsWithPhone how many of the list's rows give a phone number
 */
public record ListIdentity(String authority, String region, List<String> evidence, int itemsWithPhone) {

    public ListIdentity {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** What one row contributes: its 行使主体, its units, its table's title and its phone numbers. */
    record Row(String authority, String units, String table, List<String> phones) {}

    /** Leading words that are no part of a name: 附件：, 2024年. */
    private static final Pattern NOISE = Pattern.compile("^(?:附件\\s*\\d*\\s*[:：]\\s*|\\d{4}\\s*年度?\\s*|#+\\s*)+");
    /** A place that begins a name, followed by more of the name (not by 级: 县级 is no place). */
    private static final Pattern PLACE = Pattern.compile(
            "^(\\p{IsHan}{2,10}?(?:自治区|自治州|自治县|自治旗|地区)|\\p{IsHan}{2,6}?[省市县区州盟旗])(?!级)(?=[\\p{IsHan}（(])");
    /** Names made only of these are tiers, not places (县市区, 地州市). */
    private static final Pattern TIER_WORDS = Pattern.compile("[省市县区州盟旗乡镇地级]+");
    private static final Set<String> NOT_PLACES = Set.of("城市", "超市", "社区", "城区", "辖区", "景区", "园区", "街区",
            "市区", "郊区", "片区", "社会", "开发", "各县", "全县", "本市", "全市", "各市");
    /** An organisation that begins a title, followed by the list words. */
    private static final Pattern ORGANISATION = Pattern.compile(
            "^(\\p{IsHan}{1,30}?(?:局|委员会|委|办公室|办|厅|中心|支队|大队|院|所|站|处|机构|政府))"
                    + "(?=\\d{4}\\s*年|权责|权力|责任|行政权力|清单|$)");

    static ListIdentity derive(SourceMeta meta, List<RecordDraft> drafts) {
        List<Row> rows = new ArrayList<>(drafts.size());
        for (RecordDraft d : drafts) {
            rows.add(new Row(d.get(Field.AUTHORITY), d.get(Field.UNITS), d.table, Phones.in(d.get(Field.SUPERVISION))));
        }
        return derive(meta.title(), meta.authority(), meta.region(), rows, AreaCodes.TABLE);
    }

    static ListIdentity derive(String title, String catalogAuthority, String catalogRegion, List<Row> rows,
                               Map<String, String> areaCodes) {
        List<String> evidence = new ArrayList<>();
        int withPhone = (int) rows.stream().filter(r -> !r.phones().isEmpty()).count();

        String authority = catalogAuthority;
        if (authority != null) {
            evidence.add("部门“" + authority + "”：sources.json 所记");
        } else {
            Map.Entry<String, Integer> common = mostCommon(rows.stream().map(Row::authority).toList());
            if (common != null && common.getValue() * 2 > rows.size()) {
                authority = common.getKey();
                evidence.add("部门“" + authority + "”：" + rows.size() + " 项中 " + common.getValue() + " 项的行使主体");
            } else if (title != null) {
                Matcher m = ORGANISATION.matcher(clean(title));
                if (m.find()) {
                    authority = m.group(1);
                    evidence.add("部门“" + authority + "”：清单标题“" + title + "”");
                }
            }
        }

        Map.Entry<String, Integer> code = mostCommon(rows.stream()
                .flatMap(r -> r.phones().stream().map(Phones::areaCode)).toList());
        long coded = rows.stream().flatMap(r -> r.phones().stream()).filter(p -> Phones.areaCode(p) != null).count();
        String codeRegion = code == null || code.getValue() * 2 <= coded ? null : areaCodes.get(code.getKey());
        String phoneEvidence = codeRegion == null ? null : "监督电话区号 " + code.getKey() + "（带区号的 " + coded
                + " 个号码中有 " + code.getValue() + " 个）在长途区号表中为" + codeRegion;

        String region = catalogRegion;
        if (region != null) {
            evidence.add("地区“" + region + "”：sources.json 所记");
        } else {
            for (String[] named : named(title, authority, rows)) {
                String place = place(named[1]);
                if (place != null) {
                    region = place;
                    evidence.add("地区“" + region + "”：" + named[0] + "“" + named[1] + "”");
                    break;
                }
            }
            if (region == null && codeRegion != null) {
                region = codeRegion;
                evidence.add("地区“" + region + "”：" + phoneEvidence);
                phoneEvidence = null;
            }
        }
        if (phoneEvidence != null) evidence.add(phoneEvidence);
        return new ListIdentity(authority, region, evidence, withPhone);
    }

    /** The texts that may begin with a place name, most telling first, each with what it is. */
    private static List<String[]> named(String title, String authority, List<Row> rows) {
        List<String[]> out = new ArrayList<>();
        if (present(title)) out.add(new String[] {"清单标题", title});
        if (present(authority)) out.add(new String[] {"部门", authority});
        Map.Entry<String, Integer> rowAuthority = mostCommon(rows.stream().map(Row::authority).toList());
        if (rowAuthority != null) out.add(new String[] {"行使主体", rowAuthority.getKey()});
        Map.Entry<String, Integer> table = mostCommon(rows.stream().map(Row::table).toList());
        if (table != null) out.add(new String[] {"表格标题", table.getKey()});
        Map.Entry<String, Integer> unit = mostCommon(rows.stream().flatMap(r -> Normaliser.split(r.units()).stream()).toList());
        if (unit != null) out.add(new String[] {"承办机构", unit.getKey()});
        return out;
    }

    /** The place a name begins with (伊宁市 of 伊宁市医疗保障局), or null. */
    static String place(String name) {
        Matcher m = PLACE.matcher(clean(name));
        if (!m.find()) return null;
        String place = m.group(1);
        String base = place.substring(0, place.length() - 1);
        if (TIER_WORDS.matcher(base).matches() || NOT_PLACES.contains(base) || NOT_PLACES.contains(place)) return null;
        return place;
    }

    private static String clean(String s) {
        return NOISE.matcher(s.replaceAll("\\s+", "")).replaceFirst("");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The value most often present, with its count; null when none is. Ties go to the first seen. */
    private static Map.Entry<String, Integer> mostCommon(List<String> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // A name wrapped over lines in its cell (市统\n计局) is one name: Chinese names hold no spaces.
        for (String v : values) if (present(v)) counts.merge(v.replaceAll("\\s+", ""), 1, Integer::sum);
        Map.Entry<String, Integer> best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) if (best == null || e.getValue() > best.getValue()) best = e;
        return best;
    }

    /** The area-code table ({@code ingest/area-codes.tsv}, with its source), read once. */
    static final class AreaCodes {
        static final Map<String, String> TABLE = load();

        private AreaCodes() {}

        private static Map<String, String> load() {
            Map<String, String> m = new HashMap<>();
            for (String line : ResourceText.lines(ListIdentity.class, "/ingest/area-codes.tsv")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                if (f.length == 2) m.put(f[0].strip(), f[1].strip());
            }
            return Collections.unmodifiableMap(m);
        }
    }
}
