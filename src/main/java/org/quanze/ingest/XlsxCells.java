package org.quanze.ingest;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an .xlsx cell displays, read from the XML stream: a shared string, an inline string, a
 * formula's cached result (never a formula re-evaluated here), a number in its cell's format (1.0
 * formatted General is "1"), TRUE/FALSE. Holds the workbook's shared strings and number formats,
 * each string capped as it is read, and hands out the SAX handlers that fill them and read rows.
 */
final class XlsxCells {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final InputLimits.Budget budget;
    // Locale.ROOT: the same digits and separators whatever machine runs the ingest.
    private final DataFormatter format = new DataFormatter(Locale.ROOT);
    private final List<String> strings = new ArrayList<>();
    /** The real length of shared strings cut to the cell limit. */
    private final Map<Integer, Integer> cutLengths = new HashMap<>();
    private final Map<Integer, String> customFormats = new HashMap<>();
    private final List<Integer> styleFormats = new ArrayList<>();

    XlsxCells(InputLimits.Budget budget) {
        this.budget = budget;
    }

    /** Collects text between tags, up to the cell limit; counts the rest. */
    private static final class Text {
        final StringBuilder b = new StringBuilder();
        int length;

        void clear() {
            b.setLength(0);
            length = 0;
        }

        void append(char[] ch, int start, int n) {
            length += n;
            int room = InputLimits.MAX_CELL_CHARS - b.length();
            if (room > 0) b.append(ch, start, Math.min(room, n));
        }
    }

    DefaultHandler stylesHandler() {
        return new DefaultHandler() {
            boolean inCellXfs;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (!MAIN.equals(uri)) return;
                switch (local) {
                    case "numFmt" -> {
                        int id = XlsxReader.parseInt(a.getValue("numFmtId"), -1);
                        String code = a.getValue("formatCode");
                        if (id >= 0 && code != null && customFormats.size() < 10_000) customFormats.put(id, code);
                    }
                    case "cellXfs" -> inCellXfs = true;
                    case "xf" -> {
                        if (inCellXfs && styleFormats.size() < 100_000) styleFormats.add(XlsxReader.parseInt(a.getValue("numFmtId"), 0));
                    }
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if ("cellXfs".equals(local)) inCellXfs = false;
            }
        };
    }

    DefaultHandler sharedStringsHandler() {
        return new DefaultHandler() {
            final Text text = new Text();
            boolean inT, inPhonetic;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (!MAIN.equals(uri)) return;
                switch (local) {
                    case "si" -> text.clear();
                    case "t" -> inT = !inPhonetic;
                    case "rPh" -> inPhonetic = true; // the reading aid above Japanese text, not the cell's text
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if (!MAIN.equals(uri)) return;
                switch (local) {
                    case "t" -> inT = false;
                    case "rPh" -> inPhonetic = false;
                    case "si" -> {
                        if (strings.size() >= InputLimits.MAX_SHARED_STRINGS) {
                            throw new InputLimits.LimitExceeded("", "it holds more than " + InputLimits.fmt(InputLimits.MAX_SHARED_STRINGS)
                                    + " distinct texts, over the limit, so it is not read");
                        }
                        budget.text(text.b.length());
                        if (text.length > text.b.length()) cutLengths.put(strings.size(), text.length);
                        strings.add(text.b.toString());
                    }
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inT) text.append(ch, start, length);
            }
        };
    }

    /** The second pass over a sheet: every row and cell to the assembler. */
    DefaultHandler rowsHandler(SheetAssembler sheet) {
        return new DefaultHandler() {
            final Text value = new Text();
            int nextRow, row = -1, nextCol, col;
            String type;
            int style;
            boolean inValue, inInline, inRow;

            @Override
            public void startElement(String uri, String local, String q, Attributes a) {
                if (!MAIN.equals(uri)) return;
                switch (local) {
                    case "row" -> {
                        row = XlsxReader.parseInt(a.getValue("r"), nextRow + 1) - 1;
                        nextCol = 0;
                        inRow = true;
                        sheet.startRow(row, XlsxReader.isTrue(a.getValue("hidden")));
                    }
                    case "c" -> {
                        String ref = a.getValue("r");
                        col = ref == null ? nextCol : new CellReference(ref).getCol();
                        type = a.getValue("t");
                        style = XlsxReader.parseInt(a.getValue("s"), 0);
                        value.clear();
                    }
                    case "v" -> inValue = true;
                    case "is" -> inInline = true;
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String local, String q) {
                if (!MAIN.equals(uri)) return;
                switch (local) {
                    case "v" -> inValue = false;
                    case "is" -> inInline = false;
                    case "c" -> {
                        if (inRow) sheet.cell(col, display(), length());
                        nextCol = col + 1;
                    }
                    case "row" -> {
                        sheet.endRow();
                        nextRow = row + 1;
                        inRow = false;
                    }
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inValue || inInline) value.append(ch, start, length);
            }

            private String display() {
                String v = value.b.toString();
                if (v.isEmpty()) return "";
                if (type == null || type.equals("n")) return number(v, style);
                return switch (type) {
                    case "s" -> shared(v);
                    case "b" -> v.strip().equals("1") ? "TRUE" : "FALSE";
                    default -> v; // inlineStr, str (a formula's text), e (an error such as #N/A), d (an ISO date)
                };
            }

            private int length() {
                if ("s".equals(type)) {
                    int i = XlsxReader.parseInt(value.b.toString(), -1);
                    return cutLengths.getOrDefault(i, -1);
                }
                return value.length > value.b.length() ? value.length : -1;
            }
        };
    }

    private String shared(String index) {
        int i = XlsxReader.parseInt(index, -1);
        return i >= 0 && i < strings.size() ? strings.get(i) : "";
    }

    private String number(String raw, int style) {
        int id = style >= 0 && style < styleFormats.size() ? styleFormats.get(style) : 0;
        String code = customFormats.containsKey(id) ? customFormats.get(id) : BuiltinFormats.getBuiltinFormat(id);
        try {
            return format.formatRawCellContents(Double.parseDouble(raw.strip()), id, code == null ? "General" : code);
        } catch (RuntimeException e) {
            return raw;
        }
    }
}
