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
    static final List<String> LEVELS = LevelNames.CANONICAL;
    /** A standard type named in a title: 行政许可（11项）, 人防权责清单（行政检查类）. */
    private static final Pattern TYPE_IN_TITLE = Pattern.compile(String.join("|", POWER_TYPES));

    private static final Pattern EXEMPTION_HEAD = Pattern.compile("免责情形\\s*[:：]?");
    private static final Pattern ACCOUNTABILITY_HEAD = Pattern.compile("^\\s*追责情形\\s*[:：]\\s*");
    private static final Pattern PHONE_LABEL = Pattern.compile("^\\s*(监督|服务|咨询|投诉)?电话\\s*[:：]\\s*");
    private static final Pattern UNIT_SPLIT = Pattern.compile("[、，,；;／/\\n]+");

    private Normaliser() {}

    static PowerRecord build(RecordDraft d, SourceMeta src) {
        String powerTypeRaw = d.get(Field.POWER_TYPE);
        String powerType = powerTypeRaw == null ? null : powerType(powerTypeRaw);
        if (powerType == null && PowerRecord.POWER.equals(d.kind)) powerType = typeFromTitles(d);
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
        Set<String> unknownLevels = new LinkedHashSet<>();
        List<String> levels = LevelNames.canonical(levelRaw, unknownLevels);
        for (String w : unknownLevels) {
            d.remarks.add("the level word " + w + " is not in the level vocabulary (levels.tsv); it names no canonical level");
        }
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
        String name = TextClean.oneLine(d.get(Field.NAME));
        if (name == null && PowerRecord.DUTY.equals(d.kind)) name = d.get(Field.MAIN_DUTIES);
        return new PowerRecord(
                src.id() + "-" + d.key,
                d.kind,
                src.ref(),
                TextClean.asciiDigits(d.get(Field.SEQ)),
                d.table,
                powerType,
                powerTypeRaw,
                name,
                orNull(TextClean.oneLine(d.get(Field.SUB_ITEM))),
                orNull(authority),
                units,
                levels,
                levelRaw,
                orNull(basis),
                DutySteps.read(d.get(Field.RESPONSIBILITIES)),
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

    /** A count or a note in brackets after a type: 行政许可（11项）, 行政处罚(含没收). */
    private static final java.util.regex.Pattern BRACKETED_TAIL = java.util.regex.Pattern.compile("[（(][^（）()]*[）)]$");

    /**
     * One of the ten standard types; labels outside them (其他类, 行政执行) are 其他行政权力. A type
     * written once over its items may carry their count in brackets (行政许可（11项）): the type
     * without it counts.
     */
    static String powerType(String raw) {
        String t = raw.replaceAll("\\s", "");
        String standard = standardType(t);
        if (standard == null) standard = standardType(BRACKETED_TAIL.matcher(t).replaceFirst(""));
        return standard == null ? "其他行政权力" : standard;
    }

    private static String standardType(String t) {
        if (POWER_TYPES.contains(t)) return t;
        if (POWER_TYPES.contains("行政" + t)) return "行政" + t;
        if (t.endsWith("类") && POWER_TYPES.contains(t.substring(0, t.length() - 1))) return t.substring(0, t.length() - 1);
        return null;
    }

    /**
     * The type of a row whose 权力类型 cell is empty: the one standard type its table's title or
     * sheet names (行政许可（11项）), else 其他行政权力; either way remarked.
     */
    private static String typeFromTitles(RecordDraft d) {
        for (String title : d.titles) {
            Set<String> named = new LinkedHashSet<>();
            Matcher m = TYPE_IN_TITLE.matcher(title.replaceAll("\\s", ""));
            while (m.find()) named.add(m.group());
            if (named.size() == 1) {
                String t = named.iterator().next();
                d.remarks.add("the 权力类型 cell is empty: " + t + " is taken from the title " + title);
                return t;
            }
        }
        d.remarks.add("the 权力类型 cell is empty and no title of its table names one type: read as 其他行政权力");
        return "其他行政权力";
    }

    /** Canonical levels of a level text (see {@code levels.tsv}); words not listed name none. */
    static List<String> levels(String raw) {
        return LevelNames.canonical(raw, new LinkedHashSet<>());
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
