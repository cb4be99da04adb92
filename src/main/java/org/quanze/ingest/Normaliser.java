package org.quanze.ingest;

import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.Step;
import org.quanze.statute.StatuteExtractor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a layout's {@link RecordDraft} into the normalised {@link PowerRecord}, the same way for every layout. */
final class Normaliser {

    static final List<String> POWER_TYPES = List.of("行政许可", "行政处罚", "行政强制", "行政征收", "行政给付",
            "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力");
    static final List<String> LEVELS = List.of("省级", "市级", "县级", "乡级");

    private static final Pattern EXEMPTION_HEAD = Pattern.compile("免责情形\\s*[:：]?");
    private static final Pattern ACCOUNTABILITY_HEAD = Pattern.compile("^\\s*追责情形\\s*[:：]\\s*");
    private static final Pattern PHONE_LABEL = Pattern.compile("^\\s*(监督|服务|咨询|投诉)?电话\\s*[:：]\\s*");
    /** A step number: 1. / 2、 / 3． at the start of the text or after a space, newline or sentence end. */
    private static final Pattern STEP_NUMBER = Pattern.compile("(?:^|(?<=[\\s。；;：:]))(\\d{1,2})\\s*[.、．](?!\\d)\\s*");
    private static final Pattern STEP_TITLE = Pattern.compile("^([^\\s。；;，,：:]{1,14}责任)\\s*[:：]\\s*");
    private static final Pattern UNIT_SPLIT = Pattern.compile("[、，,；;／/\\n]+");

    private Normaliser() {}

    static PowerRecord build(RecordDraft d, SourceMeta src) {
        String powerTypeRaw = d.get(Field.POWER_TYPE);
        String accountability = d.get(Field.ACCOUNTABILITY);
        String exemption = d.get(Field.EXEMPTION);
        String both = d.get(Field.ACCOUNTABILITY_AND_EXEMPTION);
        if (both != null) {
            Matcher m = EXEMPTION_HEAD.matcher(both);
            if (m.find()) {
                accountability = join(accountability, both.substring(0, m.start()));
                exemption = join(exemption, both.substring(m.end()));
            } else {
                accountability = join(accountability, both);
            }
        }
        accountability = accountability == null ? null : ACCOUNTABILITY_HEAD.matcher(accountability).replaceFirst("");
        String levelRaw = d.get(Field.LEVEL);
        List<String> levels = levels(levelRaw);
        if (levels.isEmpty()) levels = src.defaultLevels();
        String authority = d.get(Field.AUTHORITY);
        List<String> units = split(d.get(Field.UNITS));
        if (units.isEmpty()) units = split(authority);
        String basis = d.get(Field.BASIS);
        String responsibilityBasis = d.get(Field.RESPONSIBILITY_BASIS);

        List<Statute> statutes = new ArrayList<>(StatuteExtractor.extract(basis, Statute.BASIS));
        for (String t : new String[] {responsibilityBasis, accountability, exemption}) {
            for (Statute s : StatuteExtractor.extract(t, Statute.ACCOUNTABILITY)) {
                if (!statutes.contains(s)) statutes.add(s);
            }
        }
        String name = d.get(Field.NAME);
        if (name == null && PowerRecord.DUTY.equals(d.kind)) name = d.get(Field.MAIN_DUTIES);
        return new PowerRecord(
                src.id() + "-" + d.key,
                d.kind,
                src.ref(),
                d.get(Field.SEQ),
                d.table,
                powerTypeRaw == null ? null : powerType(powerTypeRaw),
                powerTypeRaw,
                name,
                orNull(d.get(Field.SUB_ITEM)),
                orNull(authority),
                units,
                levels,
                levelRaw,
                orNull(basis),
                steps(d.get(Field.RESPONSIBILITIES)),
                orNull(responsibilityBasis),
                orNull(d.get(Field.ACCOUNTABLE_PARTIES)),
                orNull(accountability),
                orNull(exemption),
                supervision(d.get(Field.SUPERVISION)),
                orNull(d.get(Field.ACCEPTANCE_CONDITIONS)),
                orNull(d.get(Field.TIME_LIMIT)),
                orNull(d.get(Field.PLACE)),
                orNull(join(d.get(Field.NOTES), d.get(Field.DUTY_BOUNDARY) == null ? null : "职责边界：" + d.get(Field.DUTY_BOUNDARY))),
                orNull(d.get(Field.DEPARTMENT_DUTY)),
                statutes,
                Phones.in(d.get(Field.SUPERVISION)));
    }

    /** One of the ten standard types; labels outside them (其他类, 行政执行) are 其他行政权力. */
    static String powerType(String raw) {
        String t = raw.replaceAll("\\s", "");
        if (POWER_TYPES.contains(t)) return t;
        if (POWER_TYPES.contains("行政" + t)) return "行政" + t;
        if (t.endsWith("类") && POWER_TYPES.contains(t.substring(0, t.length() - 1))) return t.substring(0, t.length() - 1);
        return "其他行政权力";
    }

    /**
     * Canonical levels from the printed one: each 、-separated part names a tier. 县市级 and 县区级
     * are county-tier (a county-level city or district), not city-tier; 盟, 地 and 州 are
     * prefecture-tier, so city-tier; 自治区 is province-tier.
     */
    static List<String> levels(String raw) {
        if (raw == null || raw.isBlank()) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String part : raw.split("[、，,及和/\\s]+")) {
            String p = part.replaceAll("(级)?(机构|部门|权限|行使|实施)*$", "").replaceAll("级$", "");
            if (p.isEmpty()) continue;
            if (p.startsWith("县")) out.add("县级");
            else if (p.equals("区")) out.add("县级");
            else if (p.contains("自治区") || p.startsWith("省")) out.add("省级");
            else if (p.startsWith("市") || p.equals("盟") || p.equals("地") || p.equals("州") || p.equals("地市")) out.add("市级");
            else if (p.startsWith("镇") || p.startsWith("乡") || p.startsWith("街道")) out.add("乡级");
        }
        return LEVELS.stream().filter(out::contains).toList();
    }

    static List<String> split(String units) {
        if (units == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String u : UNIT_SPLIT.split(units)) {
            String s = u.strip();
            if (!s.isEmpty() && !ContentSignature.isNone(s) && !out.contains(s)) out.add(s);
        }
        return out;
    }

    /**
     * The numbered duty steps. Numbers must run 1, 2, 3 … so that "2倍" or a date inside a step
     * never starts a new one. A heading before the first step (直接实施责任：) titles untitled steps.
     */
    static List<Step> steps(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<int[]> cuts = new ArrayList<>(); // {start of number, start of text}
        Matcher m = STEP_NUMBER.matcher(text);
        int expect = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expect) {
                cuts.add(new int[] {m.start(), m.end()});
                expect++;
            }
        }
        List<Step> out = new ArrayList<>();
        String heading = null;
        String preamble = cuts.isEmpty() ? text : text.substring(0, cuts.get(0)[0]).strip();
        if (!preamble.isEmpty()) {
            Matcher h = STEP_TITLE.matcher(preamble);
            if (h.find() && h.end() == preamble.length()) heading = h.group(1);
            else if (cuts.isEmpty()) return List.of(step(preamble, null));
            else out.add(step(preamble, null));
        }
        for (int i = 0; i < cuts.size(); i++) {
            int end = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : text.length();
            out.add(step(text.substring(cuts.get(i)[1], end).strip(), heading));
        }
        return out;
    }

    private static Step step(String body, String fallbackTitle) {
        Matcher t = STEP_TITLE.matcher(body);
        if (t.find()) return new Step(t.group(1), body.substring(t.end()).strip());
        return new Step(fallbackTitle, body);
    }

    static String supervision(String s) {
        if (s == null || ContentSignature.isNone(s)) return null;
        return PHONE_LABEL.matcher(s).replaceFirst("").strip();
    }

    private static String orNull(String s) {
        return s == null || s.isBlank() || s.strip().equals("无") ? null : s.strip();
    }

    private static String join(String a, String b) {
        if (b == null || b.isBlank()) return a;
        if (a == null || a.isBlank()) return b.strip();
        return a.strip() + "\n" + b.strip();
    }
}
