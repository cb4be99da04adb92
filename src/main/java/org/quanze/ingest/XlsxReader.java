package org.quanze.ingest;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Reads an .xlsx workbook as a stream, so that a large sheet costs the rows in flight, not the
 * sheet: the workbook part for the sheets' names, order and visibility; the styles for number
 * formats; the shared strings (each capped as it is read); then each visible sheet twice with a
 * SAX parser, first for its hidden columns and merged regions only (they come after the rows in
 * the XML), then for its rows, which go straight to a {@link SheetAssembler}.
 */
final class XlsxReader {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** A sheet as the workbook part lists it. */
    private record SheetRef(String name, String relId, boolean hidden) {}

    private XlsxReader() {}

    static Grid read(String file, OPCPackage pkg, ReadLog log) throws IOException, SAXException {
        XSSFReader reader;
        try {
            reader = new XSSFReader(pkg);
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
        InputLimits.Budget budget = new InputLimits.Budget(file);
        List<SheetRef> sheets = new ArrayList<>();
        parse(part(reader::getWorkbookData), new WorkbookHandler(sheets));
        XlsxCells cells = new XlsxCells(budget);
        InputStream styles = optional(reader::getStylesData);
        if (styles != null) parse(styles, cells.stylesHandler());
        InputStream strings = optional(reader::getSharedStringsData);
        if (strings != null) parse(strings, cells.sharedStringsHandler());

        List<Grid.Row> rows = new ArrayList<>();
        List<Grid.Part> parts = new ArrayList<>();
        int physical = 0;
        for (SheetRef s : sheets) {
            if (s.hidden()) {
                log.remark(s.name(), 0, "the sheet is hidden (not shown in the published workbook) and was not read");
                continue;
            }
            SheetLayoutHandler layout = new SheetLayoutHandler();
            parse(part(() -> reader.getSheet(s.relId())), layout);
            SheetAssembler sheet = new SheetAssembler(s.name(), parts.size(), layout.merges, layout.hiddenColumns, log, budget);
            parse(part(() -> reader.getSheet(s.relId())), cells.rowsHandler(sheet));
            parts.add(new Grid.Part(s.name()));
            rows.addAll(sheet.finish());
            physical += sheet.physicalRows();
        }
        return new Grid(file, rows, parts, physical);
    }

    interface Part {
        InputStream open() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException;
    }

    private static InputStream part(Part p) throws IOException {
        try {
            InputStream in = p.open();
            if (in == null) throw new IOException("a part of the workbook is missing");
            return in;
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A part a workbook may lack (styles, shared strings). */
    private static InputStream optional(Part p) {
        try {
            return p.open();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException | RuntimeException missing) {
            return null;
        }
    }

    static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
        try (in) {
            XMLReader xml;
            try {
                xml = XMLHelper.newXMLReader();
            } catch (javax.xml.parsers.ParserConfigurationException e) {
                throw new SAXException(e);
            }
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        }
    }

    /** The sheets of workbook.xml, in order, with their visibility. */
    private static final class WorkbookHandler extends DefaultHandler {
        private final List<SheetRef> sheets;

        WorkbookHandler(List<SheetRef> sheets) {
            this.sheets = sheets;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) {
            if (!MAIN.equals(uri) || !"sheet".equals(local)) return;
            String state = a.getValue("state");
            String name = a.getValue("name");
            sheets.add(new SheetRef(name == null ? "" : name, a.getValue(RELS, "id"), state != null && !state.equals("visible")));
        }
    }

    /** First pass over a sheet: its hidden columns and merged regions, nothing else kept. */
    private static final class SheetLayoutHandler extends DefaultHandler {
        final BitSet hiddenColumns = new BitSet();
        final List<CellRangeAddress> merges = new ArrayList<>();

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            if (!MAIN.equals(uri)) return;
            if ("col".equals(local) && isTrue(a.getValue("hidden"))) {
                int min = parseInt(a.getValue("min"), 1), max = parseInt(a.getValue("max"), min);
                // Columns past 16384 do not exist; a range out to there hides only what is right of the table.
                hiddenColumns.set(Math.max(0, min - 1), Math.min(max, 16_384));
            } else if ("mergeCell".equals(local) && a.getValue("ref") != null) {
                if (merges.size() >= InputLimits.MAX_MERGED_REGIONS) {
                    throw new InputLimits.LimitExceeded("", "a sheet has more than " + InputLimits.fmt(InputLimits.MAX_MERGED_REGIONS)
                            + " merged regions, over the limit, so it is not read");
                }
                try {
                    merges.add(CellRangeAddress.valueOf(a.getValue("ref")));
                } catch (IllegalArgumentException malformed) {
                    // A region Excel itself would not show is no structure of the table.
                }
            }
        }
    }

    static boolean isTrue(String v) {
        return "1".equals(v) || "true".equals(v);
    }

    static int parseInt(String v, int otherwise) {
        try {
            return v == null ? otherwise : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
