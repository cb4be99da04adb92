package org.quanze.ingest;

import org.apache.poi.poifs.filesystem.FileMagic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader for a file by what its first bytes say it is, and turns it into a
 * {@link Grid}: .xlsx and .xls (every visible sheet), .docx and .doc (every table, paragraphs as
 * titles), .csv, and anything else as a text export. An Office file is read as what it is whatever its
 * name says (offices send .xls workbooks named .xlsx); the report says so in a remark. A file
 * that is no Office file under an Office name (a web page named .xls) and binary files under
 * text names are refused with a sentence naming what the file really is.
 */
public final class GridReaders {

    /** The extensions read, in the order the README lists them. */
    public static final List<String> EXTENSIONS = List.of(".xlsx", ".xls", ".docx", ".doc", ".csv", ".txt");
    private static final List<String> OFFICE = List.of(".xlsx", ".xlsm", ".xls", ".docx", ".doc");

    private GridReaders() {}

    public static Grid read(String file, byte[] bytes) throws UnreadableFileException {
        return read(file, bytes, new ReadLog(file));
    }

    /** As {@link #read(String, byte[])}; what a reader changed or skipped while reading goes to the log. */
    static Grid read(String file, byte[] bytes, ReadLog log) throws UnreadableFileException {
        if (bytes.length == 0) throw new UnreadableFileException(file, "the file is empty");
        // The first bytes suffice (zero-padded when the file is shorter than every signature).
        FileMagic magic = FileMagic.valueOf(Arrays.copyOf(bytes, 64));
        String ext = extension(file);
        if (magic == FileMagic.OOXML) return OfficeFiles.ooxml(file, bytes, log);
        if (magic == FileMagic.OLE2) {
            String what = OfficeFiles.describeOle2(bytes);
            if (what.startsWith("an Excel")) return OfficeFiles.xls(file, bytes, log);
            if (what.startsWith("a Word")) return OfficeFiles.doc(file, bytes, log);
            if (what.startsWith("a password-protected")) throw OfficeFiles.encrypted(file);
        }
        if (OFFICE.contains(ext) || magic == FileMagic.OLE2) {
            throw new UnreadableFileException(file, (ext.isEmpty() ? "the file" : "the name says " + ext + " but the file")
                    + " is " + describe(magic, bytes));
        }
        refuseBinary(file, magic, bytes);
        if (ext.equals(".csv")) {
            InputLimits.checkLines(file, bytes);
            return CsvGridReader.read(file, bytes);
        }
        return TextGridReader.read(file, bytes, log.remarks);
    }

    /** The file name's extension in lower case with its dot (".xlsx"), or "" when it has none. */
    public static String extension(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** Text and CSV readers would only report "binary data"; say what the file really is instead. */
    private static void refuseBinary(String file, FileMagic magic, byte[] bytes) throws UnreadableFileException {
        switch (magic) {
            case PDF, BIFF2, BIFF3, BIFF4, WORD2, MSWRITE, JPEG, GIF, PNG, TIFF, WMF, EMF, BMP ->
                    throw new UnreadableFileException(file, "the name says " + (extension(file).isEmpty() ? "text" : extension(file))
                            + " but the file is " + describe(magic, bytes) + "; give it the extension of what it is");
            default -> { }
        }
    }

    static String describe(FileMagic magic, byte[] bytes) {
        return switch (magic) {
            case OOXML -> "an Office Open XML package";
            case OLE2 -> OfficeFiles.describeOle2(bytes);
            case BIFF2, BIFF3, BIFF4 -> "an Excel 2.x–4.x workbook";
            case PDF -> "a PDF document";
            case HTML -> "an HTML page (a web page saved under an Office name?)";
            case XML -> "an XML file (an Excel 2003 XML or Word XML export?)";
            case RTF -> "an RTF document";
            case WORD2, MSWRITE -> "an old Word or Write document";
            case JPEG, GIF, PNG, TIFF, WMF, EMF, BMP -> "an image";
            default -> "text or an unknown format";
        };
    }
}
