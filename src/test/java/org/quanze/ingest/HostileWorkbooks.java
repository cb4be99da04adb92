package org.quanze.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The hostile workbooks of issue 14, written straight as package XML (POI's writers would hold
 * them in memory): a zip bomb tuned to pass a per-entry ratio and size guard, and sheets of many
 * real-looking rows.
 */
final class HostileWorkbooks {

    static final String HEADER = "<row r=\"1\">" + inline("A1", "序号") + inline("B1", "事项名称") + inline("C1", "权力类型")
            + inline("D1", "实施依据") + inline("E1", "承办机构") + "</row>";

    private HostileWorkbooks() {}

    /**
     * {@code sheets} sheets of {@code partBytes} bytes of rows each, the sheet compressed once and
     * stored raw in every entry (about 1:60, under POI's 1:100 ratio guard): issue 14's bomb is 12
     * sheets of 97 MB in 18 MB.
     */
    static void tunedBomb(Path file, int sheets, long partBytes) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        long size = 0;
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream out = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
            byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + HEADER)
                    .getBytes(StandardCharsets.UTF_8);
            out.write(head);
            crc.update(head);
            size += head.length;
            for (int r = 2; size < partBytes; r++) {
                byte[] row = bombRow(r).getBytes(StandardCharsets.UTF_8);
                out.write(row);
                crc.update(row);
                size += row.length;
            }
            byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
            out.write(tail);
            crc.update(tail);
            size += tail.length;
        } finally {
            deflater.end();
        }
        byte[] compressed = raw.toByteArray();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            writePackage(zip, sheets);
            for (int s = 1; s <= sheets; s++) {
                ZipArchiveEntry e = new ZipArchiveEntry("xl/worksheets/sheet" + s + ".xml");
                e.setMethod(ZipEntry.DEFLATED);
                e.setCrc(crc.getValue());
                e.setSize(size);
                e.setCompressedSize(compressed.length);
                zip.addRawArchiveEntry(e, new java.io.ByteArrayInputStream(compressed));
            }
        }
    }

    /** A one-sheet workbook of a header and {@code rows} numbered items, 序号 1 to rows. */
    static void manyRows(Path file, int rows) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(1);
            for (String[] part : packageParts(1)) {
                zip.putNextEntry(new ZipEntry(part[0]));
                zip.write(part[1].getBytes(StandardCharsets.UTF_8));
            }
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            Writer w = new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>" + HEADER);
            for (int r = 2; r <= rows + 1; r++) w.write(row(r));
            w.write("</sheetData></worksheet>");
            w.flush();
        }
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** A row that differs from the one before only in its row number: what compresses about 1:60. */
    private static String bombRow(int r) {
        return "<row r=\"" + r + "\"><c><v>" + (r - 1) + "</v></c>" + BOMB_CELLS + "</row>";
    }

    private static final String BOMB_CELLS = ("<c t=\"inlineStr\"><is><t>对违反管理规定行为的处罚，依照管理条例的规定责令改正并处罚款</t></is></c>"
            + "<c t=\"inlineStr\"><is><t>行政处罚</t></is></c>"
            + "<c t=\"inlineStr\"><is><t>【法规】《某某管理条例》第十条：违反本条例规定的，由主管部门责令改正，处罚款。</t></is></c>").repeat(2);

    private static String row(int r) {
        int seq = r - 1;
        return "<row r=\"" + r + "\"><c r=\"A" + r + "\"><v>" + seq + "</v></c>"
                + inline("B" + r, "对第" + seq + "项违反管理规定行为的处罚")
                + inline("C" + r, "行政处罚")
                + inline("D" + r, "【法规】《某某管理条例》第" + (seq % 90 + 1) + "条：违反本条例规定的，由主管部门责令改正，处罚款。")
                + inline("E" + r, "执法监督科") + "</row>";
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void writePackage(ZipArchiveOutputStream zip, int sheets) throws IOException {
        for (String[] part : packageParts(sheets)) {
            ZipArchiveEntry e = new ZipArchiveEntry(part[0]);
            zip.putArchiveEntry(e);
            zip.write(part[1].getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
    }

    /** Content types, relationships and the workbook part naming {@code sheets} sheets. */
    private static String[][] packageParts(int sheets) {
        StringBuilder types = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        StringBuilder sheetList = new StringBuilder();
        StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int s = 1; s <= sheets; s++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(s)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheetList.append("<sheet name=\"表").append(s).append("\" sheetId=\"").append(s).append("\" r:id=\"rId").append(s).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(s)
                    .append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet")
                    .append(s).append(".xml\"/>");
        }
        types.append("</Types>");
        rels.append("</Relationships>");
        return new String[][] {
                {"[Content_Types].xml", types.toString()},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                        + "</Relationships>"},
                {"xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN + "\" "
                        + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheetList + "</sheets></workbook>"},
                {"xl/_rels/workbook.xml.rels", rels.toString()}};
    }

    /** The zip entry stays open for the next one. */
    private static final class Unclosed extends java.io.FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
