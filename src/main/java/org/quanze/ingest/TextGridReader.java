package org.quanze.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a text export of a table into a {@link Grid}. Two export styles exist:
 * <ul>
 *   <li>row per line: cells separated by tabs (Excel and most Word exports);</li>
 *   <li>cell per line: every cell starts with a tab on a line of its own, a cell's further
 *       paragraphs follow on lines without the tab, and a blank line ends the row (Word exports
 *       of tables with multi-paragraph cells, and vertical key/value tables).</li>
 * </ul>
 * The style is detected from the lines themselves, so no flag is needed.
 */
public final class TextGridReader {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** A cell starts with a tab, sometimes after stray spaces left by the export. */
    private static final java.util.regex.Pattern CELL_START = java.util.regex.Pattern.compile(" *\t");

    private TextGridReader() {}

    /** Decodes UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, GB18030. */
    public static String decode(String file, byte[] bytes) throws UnreadableFileException {
        return decode(file, bytes, new ArrayList<>());
    }

    /**
     * Decodes like {@link #decode(String, byte[])}; a file cut in the middle of its last character
     * (a truncated download or copy) loses those bytes with a remark instead of being refused.
     */
    public static String decode(String file, byte[] bytes, List<Remark> remarks) throws UnreadableFileException {
        if (bytes.length == 0) throw new UnreadableFileException(file, "the file is empty");
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        String text = null;
        for (Charset cs : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
            int from = cs == GB18030 ? 0 : start;
            for (int cut = 0; cut <= 3 && text == null && bytes.length - from - cut > 0; cut++) {
                try {
                    text = strict(cs).decode(ByteBuffer.wrap(bytes, from, bytes.length - from - cut)).toString();
                    if (cut > 0) {
                        remarks.add(new Remark(file, 0, "the file ends in the middle of a character: its last " + cut
                                + (cut == 1 ? " byte was" : " bytes were") + " dropped (is the file truncated?)"));
                    }
                } catch (CharacterCodingException notThis) {
                    // try the next cut, then the next charset
                }
            }
            if (text != null) break;
            if (cs == StandardCharsets.UTF_8) text = almostUtf8(file, bytes, start, remarks);
            if (text != null) break;
        }
        if (text == null) throw new UnreadableFileException(file, "the bytes are neither UTF-8 nor GB18030 text");
        if (looksBinary(text)) throw new UnreadableFileException(file, "the file holds binary data, not text");
        if (text.isBlank()) throw new UnreadableFileException(file, "the file holds only whitespace");
        return text;
    }

    /**
     * UTF-8 with a few corrupt bytes (a bad sector, a stray byte from an editor): those characters
     * become U+FFFD with a remark naming each line, instead of the whole file being refused. A
     * GB18030 file read as UTF-8 is malformed at nearly every character, far above the threshold
     * of one bad sequence per 2,000 bytes, so it still goes to the GB18030 decoder.
     */
    private static String almostUtf8(String file, byte[] bytes, int start, List<Remark> remarks) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        String text;
        try {
            text = d.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        int bad = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\uFFFD') bad++;
        if (bad > Math.max(2, bytes.length / 2000)) return null;
        int line = 1, lastRemarked = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            else if (c == '\uFFFD' && line != lastRemarked) {
                remarks.add(new Remark(file, line, "bytes that are not UTF-8 were replaced with \uFFFD (a corrupt file?)"));
                lastRemarked = line;
            }
        }
        return text;
    }

    public static Grid read(String file, byte[] bytes) throws UnreadableFileException {
        return parse(file, decode(file, bytes));
    }

    public static Grid read(String file, byte[] bytes, List<Remark> remarks) throws UnreadableFileException {
        InputLimits.checkLines(file, bytes);
        return parse(file, decode(file, bytes, remarks));
    }

    public static Grid parse(String file, String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        return isCellPerLine(lines) ? cellPerLine(file, lines) : rowPerLine(file, lines);
    }

    private static Grid rowPerLine(String file, String[] lines) {
        List<Grid.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            rows.add(new Grid.Row(i + 1, List.of(lines[i].split("\t", -1))));
        }
        // Physical rows are the lines; a final line break ends the last line, it starts none.
        int physical = lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        return new Grid(file, rows, List.of(), physical);
    }

    private static Grid cellPerLine(String file, String[] lines) {
        List<Grid.Row> rows = new ArrayList<>();
        List<StringBuilder> cells = new ArrayList<>();
        int rowStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() && !line.contains("\t")) {
                rowStart = flush(rows, cells, rowStart);
            } else if (CELL_START.matcher(line).lookingAt()) {
                if (cells.isEmpty()) rowStart = i + 1;
                cells.add(new StringBuilder(line.substring(line.indexOf('\t') + 1)));
            } else if (!cells.isEmpty()) {
                cells.get(cells.size() - 1).append('\n').append(line);
            } else {
                // Text outside any cell: a title such as 表2-1 or a document heading.
                rows.add(new Grid.Row(i + 1, List.of(line.strip())));
            }
        }
        flush(rows, cells, rowStart);
        return new Grid(file, rows);
    }

    private static int flush(List<Grid.Row> rows, List<StringBuilder> cells, int rowStart) {
        if (!cells.isEmpty()) {
            rows.add(new Grid.Row(rowStart, cells.stream().map(StringBuilder::toString).toList()));
            cells.clear();
        }
        return 0;
    }

    /** Cell-per-line when most lines that hold a tab hold exactly one, at their start. */
    private static boolean isCellPerLine(String[] lines) {
        int tabbed = 0, leadingSingle = 0;
        for (String l : lines) {
            int tabs = (int) l.chars().filter(c -> c == '\t').count();
            if (tabs == 0) continue;
            tabbed++;
            if (tabs == 1 && CELL_START.matcher(l).lookingAt()) leadingSingle++;
        }
        return tabbed > 0 && leadingSingle * 10 >= tabbed * 8;
    }

    private static boolean looksBinary(String text) {
        int control = 0, n = Math.min(text.length(), 65536);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0 || c == '\uFFFD' || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')) control++;
        }
        return control > 0 && control * 100 > n;
    }

    private static java.nio.charset.CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
