package org.quanze.ingest;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Office files that make their reader throw partway: a workbook with a good header whose record
 * stream breaks off mid-record (POI throws while parsing it), and an .xlsx whose sheet XML ends in
 * the middle of a cell (the SAX parser throws while streaming it). Before every file's reading was
 * fenced, an exception in one file ended the whole ingest.
 */
public final class BrokenFiles {

    private BrokenFiles() {}

    /** A list workbook whose Workbook stream is cut at 80 % and scrambled past the half. */
    public static byte[] xlsThatThrowsWhileParsed() throws IOException {
        byte[] good = SheetFixture.xls(listOfFifty());
        byte[] stream;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(good))) {
            stream = fs.createDocumentInputStream("Workbook").readAllBytes();
        }
        byte[] bad = Arrays.copyOf(stream, stream.length * 4 / 5);
        for (int i = bad.length / 2; i < bad.length; i += 7) bad[i] = (byte) 0xFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.createDocument(new ByteArrayInputStream(bad), "Workbook");
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    /** A list workbook whose sheet XML stops in the middle of a cell. */
    public static byte[] xlsxThatThrowsWhileStreamed() throws IOException {
        byte[] good = SheetFixture.xlsx(listOfFifty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(good)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] part = readAll(in);
                if (e.getName().equals("xl/worksheets/sheet1.xml")) part = Arrays.copyOf(part, part.length * 2 / 3);
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static SheetFixture.Tab listOfFifty() {
        SheetFixture.Tab t = SheetFixture.sheet("清单").row("序号", "权力名称", "权力类型", "承办机构");
        for (int i = 1; i <= 50; i++) t.row(String.valueOf(i), "对第" + i + "项的检查", "行政检查", "监督科");
        return t;
    }
}
