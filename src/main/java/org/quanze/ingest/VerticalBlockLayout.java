package org.quanze.ingest;

import org.quanze.model.PowerRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 003 layout: key/value tables, one per item, titled 表2-1 … 表2-9 (numbering restarts per
 * power type), after a 表1 holding the department's 主体责任 as numbered duties （一）…（十三） and
 * its 职责边界. The duties become records of kind {@code duty}.
 */
final class VerticalBlockLayout implements Layout {

    private static final Pattern TABLE = Pattern.compile("表\\s*(\\d+(?:\\s*[-－—]\\s*\\d+)?)");
    private static final Pattern DUTY = Pattern.compile("(?:^|\\n)\\s*[（(]([一二三四五六七八九十]+)[）)]");

    @Override
    public String name() {
        return "vertical key/value blocks";
    }

    @Override
    public int recognise(Grid grid) {
        int tables = 0, pairs = 0, rows = 0;
        for (Grid.Row r : grid.rows()) {
            String t = r.soleText();
            if (r.cells().size() == 1 && t != null && TABLE.matcher(t).matches()) tables++;
            else if (!r.isBlank()) {
                rows++;
                if (r.cells().size() == 2 && Field.ofLabel(r.cell(0)) != Field.UNKNOWN) pairs++;
            }
        }
        return tables >= 1 && pairs * 2 >= rows && pairs > 0 ? 50 : 0;
    }

    @Override
    public List<RecordDraft> read(Grid grid, ReadLog log) {
        List<RecordDraft> out = new ArrayList<>();
        RecordDraft block = null;
        String label = null;
        boolean blockHasRow = false;
        for (Grid.Row r : grid.rows()) {
            String t = r.soleText();
            Matcher m = t == null || r.cells().size() != 1 ? null : TABLE.matcher(t);
            if (m != null && m.matches()) {
                flush(block, label, out);
                label = m.group(1).replaceAll("\\s", "").replaceAll("[－—]", "-");
                block = new RecordDraft(PowerRecord.POWER, r.line());
                block.sheet = grid.partName(r);
                blockHasRow = false;
                log.rows.headers++;
                continue;
            }
            if (r.isBlank()) {
                log.rows.empty++;
                continue;
            }
            if (block == null || r.cells().size() < 2) {
                log.rows.skipped++;
                log.skip(grid.partName(r), r.line(), "text outside any 表 block: " + abbreviate(r.cell(0)));
                continue;
            }
            // A block is one item: its first key/value row starts it, the others continue it.
            if (blockHasRow) log.rows.continuations++;
            else log.rows.items++;
            blockHasRow = true;
            Field f = Field.ofLabel(r.cell(0));
            String value = String.join("\n", r.cells().subList(1, r.cells().size()));
            if (f == Field.UNKNOWN || f == Field.GROUP) {
                block.put(Field.NOTES, r.cell(0).strip() + "：" + value);
                log.remark(grid.partName(r), r.line(), "unknown key \"" + abbreviate(r.cell(0)) + "\" kept in notes");
            } else {
                block.put(f, value);
            }
        }
        flush(block, label, out);
        return out;
    }

    private static void flush(RecordDraft block, String label, List<RecordDraft> out) {
        if (block == null) return;
        String duties = block.get(Field.MAIN_DUTIES);
        if (duties != null) {
            out.addAll(duties(duties, block, label));
            return;
        }
        block.key = label;
        block.table = "表" + label;
        block.role = RecordDraft.Role.ITEM;
        out.add(block);
    }

    /** Splits 主体责任 at （一）（二）…; each becomes a duty record carrying the block's 职责边界. */
    private static List<RecordDraft> duties(String text, RecordDraft block, String label) {
        List<RecordDraft> out = new ArrayList<>();
        Matcher m = DUTY.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            numbers.add(m.group(1));
        }
        String boundary = block.get(Field.DUTY_BOUNDARY);
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            RecordDraft d = new RecordDraft(PowerRecord.DUTY, block.line);
            d.put(Field.SEQ, "（" + numbers.get(i) + "）");
            d.put(Field.NAME, text.substring(starts.get(i)[1], end).strip());
            if (boundary != null && !ContentSignature.isNone(boundary)) d.put(Field.DUTY_BOUNDARY, boundary);
            d.key = "duty-" + (i + 1);
            d.table = "表" + label;
            out.add(d);
        }
        return out;
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 30 ? t.substring(0, 30) + "…" : t;
    }
}
