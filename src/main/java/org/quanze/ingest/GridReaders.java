package org.quanze.ingest;

import org.apache.poi.poifs.filesystem.FileMagic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Picks the reader for a file from its name and its first bytes, and turns it into a
 * {@link Grid}: .xlsx and .xls (every sheet), .docx (every table, paragraphs as titles), .csv,
 * and anything else as a text export. The name and the content must agree: a .xlsx that is really
 * a .xls, a .xls that is an HTML page, a .txt that is a workbook are each refused with a sentence
 * naming what the file really is, rather than read as garbage. A name without a known extension
 * is read by what its content is.
 */
public final class GridReaders {

    /** The extensions read, in the order the README lists them. */
    public static final List<String> EXTENSIONS = List.of(".xlsx", ".xls", ".docx", ".csv", ".txt");

    private GridReaders() {}

    public static Grid read(String file, byte[] bytes) throws UnreadableFileException {
        return read(file, bytes, new java.util.ArrayList<>());
    }

    /** As {@link #read(String, byte[])}; what a text reader changed while reading goes to {@code remarks}. */
    public static Grid read(String file, byte[] bytes, List<Remark> remarks) throws UnreadableFileException {
        if (bytes.length == 0) throw new UnreadableFileException(file, "the file is empty");
        // The first bytes suffice (zero-padded when the file is shorter than every signature).
        FileMagic magic = FileMagic.valueOf(Arrays.copyOf(bytes, 64));
        String ext = extension(file);
        switch (ext) {
            case ".xlsx" -> {
                expect(file, magic, FileMagic.OOXML, bytes);
                return OfficeFiles.xlsx(file, bytes);
            }
            case ".docx" -> {
                expect(file, magic, FileMagic.OOXML, bytes);
                return OfficeFiles.docx(file, bytes);
            }
            case ".xls" -> {
                expect(file, magic, FileMagic.OLE2, bytes);
                return OfficeFiles.xls(file, bytes);
            }
            case ".doc" -> throw new UnreadableFileException(file,
                    "Word 97–2003 .doc files are not read; open it in Word or WPS and save it as .docx");
            case ".csv" -> {
                refuseBinary(file, magic, bytes);
                InputLimits.checkLines(file, bytes);
                return CsvGridReader.read(file, bytes);
            }
            default -> {
                if (ext.isEmpty()) return byContent(file, magic, bytes, remarks);
                refuseBinary(file, magic, bytes);
                return TextGridReader.read(file, bytes, remarks);
            }
        }
    }

    /** The file name's extension in lower case with its dot (".xlsx"), or "" when it has none. */
    public static String extension(String file) {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot <= 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** A file without an extension is whatever its content is. */
    private static Grid byContent(String file, FileMagic magic, byte[] bytes, List<Remark> remarks) throws UnreadableFileException {
        if (magic == FileMagic.OOXML) {
            OfficeFiles.Kind kind = OfficeFiles.describeOoxml(bytes);
            if (kind == OfficeFiles.Kind.DOCUMENT) return OfficeFiles.docx(file, bytes);
            return OfficeFiles.xlsx(file, bytes);
        }
        if (magic == FileMagic.OLE2) return OfficeFiles.xls(file, bytes);
        refuseBinary(file, magic, bytes);
        return TextGridReader.read(file, bytes, remarks);
    }

    private static void expect(String file, FileMagic magic, FileMagic wanted, byte[] bytes) throws UnreadableFileException {
        if (magic != wanted) {
            // Office encrypts a password-protected .xlsx or .docx into an OLE2 container.
            if (magic == FileMagic.OLE2 && OfficeFiles.describeOle2(bytes).startsWith("a password-protected")) {
                throw new UnreadableFileException(file, "is password-protected; save it again without a password");
            }
            throw new UnreadableFileException(file, "the name says " + extension(file) + " but the file is " + describe(magic, bytes));
        }
    }

    /** Text and CSV readers would only report "binary data"; say what the file really is instead. */
    private static void refuseBinary(String file, FileMagic magic, byte[] bytes) throws UnreadableFileException {
        switch (magic) {
            case OOXML, OLE2, PDF, BIFF2, BIFF3, BIFF4, WORD2, MSWRITE, JPEG, GIF, PNG, TIFF, WMF, EMF, BMP ->
                    throw new UnreadableFileException(file, "the name says " + (extension(file).isEmpty() ? "text" : extension(file))
                            + " but the file is " + describe(magic, bytes) + "; give it the extension of what it is");
            default -> { }
        }
    }

    static String describe(FileMagic magic, byte[] bytes) {
        return switch (magic) {
            case OOXML -> {
                OfficeFiles.Kind kind = OfficeFiles.describeOoxml(bytes);
                yield kind == null ? "a zip archive" : kind.described;
            }
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
