package org.quanze.ingest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a CSV file (RFC 4180: commas, double quotes, cells spanning lines) into a {@link Grid}.
 * The bytes are decoded as the text reader decodes them: UTF-8 with or without a BOM (Excel's
 * "CSV UTF-8") or else GB18030 (Excel's plain "CSV" on a Chinese Windows). Commons CSV parses,
 * because quoted cells with commas, quotes and line breaks are the norm in these lists.
 */
final class CsvGridReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvGridReader() {}

    static Grid read(String file, byte[] bytes) throws UnreadableFileException {
        String text = TextGridReader.decode(file, bytes);
        List<Grid.Row> rows = new ArrayList<>();
        long origin = 0;
        int records = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                // The record starts on the line after the one the parser has read up to.
                int line = (int) parser.getCurrentLineNumber() + 1;
                if (!it.hasNext()) break;
                CSVRecord rec = it.next();
                records++;
                List<CellRows.Cell> cells = new ArrayList<>(rec.size());
                for (String v : rec) cells.add(CellRows.Cell.plain(CellRows.lines(v), origin++));
                Grid.Row row = CellRows.toRow(line, cells);
                if (row != null) rows.add(row);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException(file, "is not well-formed CSV (" + OfficeFiles.oneLine(e) + ")");
        }
        if (rows.isEmpty()) throw new UnreadableFileException(file, "the CSV file holds no cell with text");
        return new Grid(file, rows, List.of(), records);
    }
}
