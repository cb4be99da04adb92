package org.quanze.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.quanze.ingest.TextClean;
import org.quanze.model.PowerRecord;
import org.quanze.model.Step;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A record as one flat table row: its columns, each with a key (the record's field name), the
 * Chinese label a reader of the lists understands (the header of the CSV and of the spreadsheet)
 * and a column width.
 */
public final class RecordTable {

    /**
     * One column.
     *
     * @param key   the record's field name
     * @param label the header, in the lists' own words
     * @param width the spreadsheet width in characters of a CJK font (a Chinese character is one)
     * @param wrap  long text, wrapped in the spreadsheet
     */
    public record Column(String key, String label, int width, boolean wrap, Function<PowerRecord, String> value) {}

    public static final List<Column> COLUMNS = List.of(
            col("id", "编号", 16, false, PowerRecord::id),
            col("kind", "类别", 5, false, PowerRecord::kind),
            col("sourceId", "来源编号", 12, false, r -> r.source().id()),
            col("sourceFile", "来源文件", 14, false, r -> r.source().file()),
            col("sourceTitle", "来源清单", 16, true, r -> r.source().title()),
            col("department", "部门", 14, true, PowerRecord::department),
            col("region", "地区", 10, true, r -> r.source().region()),
            col("seq", "序号", 5, false, PowerRecord::seq),
            col("table", "所在表格", 12, true, PowerRecord::table),
            col("powerType", "权力类型", 8, false, PowerRecord::powerType),
            col("powerTypeRaw", "权力类型（原文）", 8, false, PowerRecord::powerTypeRaw),
            col("name", "名称", 30, true, PowerRecord::name),
            col("subItem", "子项名称", 14, true, PowerRecord::subItem),
            col("authority", "实施主体", 12, true, PowerRecord::authority),
            col("units", "承办机构", 14, true, r -> String.join("、", r.units())),
            col("levels", "层级", 10, false, r -> String.join("、", r.levels())),
            col("levelRaw", "层级（原文）", 12, true, PowerRecord::levelRaw),
            col("basis", "设定依据", 40, true, PowerRecord::basis),
            col("responsibilities", "责任事项", 40, true, RecordTable::steps),
            col("responsibilityBasis", "责任事项依据", 30, true, PowerRecord::responsibilityBasis),
            col("accountableParties", "追责对象范围", 16, true, PowerRecord::accountableParties),
            col("accountability", "追责情形", 30, true, PowerRecord::accountability),
            col("exemption", "免责情形", 24, true, PowerRecord::exemption),
            col("supervision", "监督电话", 12, true, PowerRecord::supervision),
            col("phones", "电话号码", 14, true, r -> String.join("、", r.phones())),
            col("acceptanceConditions", "受理条件", 16, true, PowerRecord::acceptanceConditions),
            col("timeLimit", "法定期限", 10, true, PowerRecord::timeLimit),
            col("place", "受理地点", 14, true, PowerRecord::place),
            col("notes", "备注", 20, true, PowerRecord::notes),
            col("departmentDuty", "部门职责", 24, true, PowerRecord::departmentDuty),
            col("statutes", "引用法规", 30, true, r -> r.statutes().stream()
                    .map(s -> s.path() + " (" + s.role() + ")").collect(Collectors.joining("; "))));

    /** The CSV's header row: the columns' Chinese labels, as in the spreadsheet. */
    public static final List<String> CSV_HEADER = COLUMNS.stream().map(Column::label).toList();
    /**
     * Starts every CSV: Excel reads a CSV as the system's ANSI code page (GBK on Chinese Windows)
     * unless it starts with a UTF-8 byte order mark.
     */
    public static final char BOM = '\uFEFF';

    private RecordTable() {}

    private static Column col(String key, String label, int width, boolean wrap, Function<PowerRecord, String> value) {
        return new Column(key, label, width, wrap, value);
    }

    /** One CSV row: lists joined with 、, steps numbered one per line, statutes as law/article (role). */
    public static List<String> row(PowerRecord r) {
        List<String> v = new ArrayList<>(COLUMNS.size());
        // Bidi controls would make a cell display in another order than it is stored.
        for (Column c : COLUMNS) v.add(TextClean.withoutBidiControls(c.value().apply(r)));
        return v;
    }

    public static List<Column> columns(String... keys) {
        List<Column> out = new ArrayList<>();
        for (String k : keys) out.add(COLUMNS.stream().filter(c -> c.key().equals(k)).findFirst().orElseThrow());
        return out;
    }

    /** RFC 4180 CSV after a byte order mark, a header row, every record one row, exactly as the {@code export} command writes it. */
    public static void csv(List<PowerRecord> records, Appendable out) throws IOException {
        csv(records, out, false);
    }

    /**
     * @param forSpreadsheet when true, a cell that Excel would run as a formula (=, +, -, @ at its
     *                       start) gets a leading apostrophe; for files meant to be opened by
     *                       double-click, where a cell from an uploaded list must never execute
     */
    public static void csv(List<PowerRecord> records, Appendable out, boolean forSpreadsheet) throws IOException {
        // Not closed: closing a CSVPrinter closes the Appendable under it (standard output, a
        // response stream) that the caller still owns and flushes.
        out.append(BOM);
        CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).get());
        for (PowerRecord r : records) {
            List<String> row = row(r);
            p.printRecord(forSpreadsheet ? row.stream().map(RecordTable::inert).toList() : row);
        }
        p.flush();
    }

    /** A cell Excel will show as text, never evaluate (OWASP's CSV-injection advice). */
    static String inert(String cell) {
        if (cell == null || cell.isEmpty()) return cell;
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r'
                || (c == '-' && cell.length() > 1 && !cell.matches("-\\d[\\d.]*"));
        return risky ? "'" + cell : cell;
    }

    static String steps(PowerRecord r) {
        List<String> steps = new ArrayList<>();
        int i = 1;
        for (Step s : r.responsibilities()) {
            // A section heading (直接实施责任) has no text of its own and takes no step number.
            if (s.title() != null && s.text().isEmpty()) steps.add(s.title() + "：");
            else steps.add((i++) + "." + (s.title() == null ? "" : s.title() + "：") + s.text());
        }
        return String.join("\n", steps);
    }
}
