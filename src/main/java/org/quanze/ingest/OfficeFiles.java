package org.quanze.ingest;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.OldFileFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Opens Office files with Apache POI, reads them into grids, and turns every way they fail into
 * one sentence. Files are opened from bytes already bounded by {@link Ingester#MAX_FILE_BYTES};
 * an Office Open XML package is checked part by part before it is parsed ({@link OfficePackage}),
 * an .xlsx is read as a stream ({@link XlsxReader}), and every reader stays within the file's
 * {@link InputLimits.Budget}.
 */
final class OfficeFiles {

    /** What an Office Open XML package holds, from the content type of its main part. */
    enum Kind {
        WORKBOOK("an Excel workbook (.xlsx)"), DOCUMENT("a Word document (.docx)"),
        PRESENTATION("a PowerPoint presentation (.pptx)"), OTHER("a zip archive that is no Excel or Word file");

        final String described;

        Kind(String described) {
            this.described = described;
        }
    }

    private OfficeFiles() {}

    /**
     * Reads an Office Open XML file as what it is, a workbook or a document, whatever its name
     * says; a name that says otherwise is remarked. Anything else in a zip is refused.
     */
    static Grid ooxml(String file, byte[] bytes, ReadLog log) throws UnreadableFileException {
        OPCPackage pkg = OfficePackage.open(file, bytes);
        try {
            Kind kind = kind(pkg);
            String ext = GridReaders.extension(file);
            switch (kind) {
                case WORKBOOK -> {
                    if (!ext.equals(".xlsx") && !ext.equals(".xlsm") && !ext.isEmpty()) misnamed(file, kind.described, log);
                    return read(file, "Excel workbook", () -> XlsxReader.read(file, pkg, log));
                }
                case DOCUMENT -> {
                    if (!ext.equals(".docx") && !ext.isEmpty()) misnamed(file, kind.described, log);
                    return read(file, "Word document", () -> DocxGridReader.read(file, new XWPFDocument(pkg)));
                }
                default -> throw new UnreadableFileException(file, (ext.isEmpty() ? "the file" : "the name says " + ext + " but the file")
                        + " is " + kind.described);
            }
        } finally {
            pkg.revert(); // read-only: never write back
        }
    }

    /** Reads an .xls (BIFF8, Excel 97–2003) workbook, whatever its name says. */
    static Grid xls(String file, byte[] bytes, ReadLog log) throws UnreadableFileException {
        return ole2(file, bytes, log, ".xls", "an Excel 97–2003 workbook (.xls)", "Excel 97–2003 workbook",
                "is an Excel 5.0/95 workbook or older, which is not read; save it as .xlsx", root -> {
                    if (!root.hasEntryCaseInsensitive("Workbook") && !root.hasEntryCaseInsensitive("Book")) {
                        throw new UnreadableFileException(file, "is an OLE2 file (a Word 97–2003 .doc or similar) but holds no Excel workbook");
                    }
                    try (HSSFWorkbook wb = new HSSFWorkbook(root, false)) {
                        return XlsReader.read(file, wb, log);
                    }
                });
    }

    /** Reads a Word 97–2003 document (.doc), whatever its name says. */
    static Grid doc(String file, byte[] bytes, ReadLog log) throws UnreadableFileException {
        return ole2(file, bytes, log, ".doc", "a Word 97–2003 document (.doc)", "Word 97–2003 document",
                "is a Word 6.0/95 document or older, which is not read; save it as .docx",
                root -> DocGridReader.read(file, new HWPFDocument(root)));
    }

    private interface Ole2Read {
        Grid read(DirectoryNode root) throws IOException, UnreadableFileException;
    }

    /**
     * An OLE2 compound file read as {@code described}, whatever its name says (a name other than
     * {@code ext} is remarked); every way it fails becomes one sentence: encrypted, of a format
     * older than 97 ({@code tooOld}), over a limit, or damaged.
     */
    private static Grid ole2(String file, byte[] bytes, ReadLog log, String ext, String described, String what, String tooOld,
                             Ole2Read r) throws UnreadableFileException {
        if (!GridReaders.extension(file).equals(ext) && !GridReaders.extension(file).isEmpty()) misnamed(file, described, log);
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) throw encrypted(file);
            return r.read(fs.getRoot());
        } catch (OldFileFormatException e) {
            throw new UnreadableFileException(file, tooOld);
        } catch (EncryptedDocumentException e) {
            throw encrypted(file);
        } catch (InputLimits.LimitExceeded e) {
            throw new UnreadableFileException(file, e.reason);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, what, e);
        }
    }

    private interface GridRead {
        Grid read() throws Exception;
    }

    private static Grid read(String file, String what, GridRead r) throws UnreadableFileException {
        try {
            return r.read();
        } catch (InputLimits.LimitExceeded e) {
            throw new UnreadableFileException(file, e.reason);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            throw unreadable(file, what, e);
        }
    }

    private static void misnamed(String file, String described, ReadLog log) {
        log.remark(null, 0, "the name says " + GridReaders.extension(file) + " but the file is " + described
                + "; it was read as what it is");
    }

    /** What the first bytes of an OLE2 file say it is, for a file whose name promised something else. */
    static String describeOle2(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) return "a password-protected Office file";
            if (fs.getRoot().hasEntryCaseInsensitive("Workbook") || fs.getRoot().hasEntryCaseInsensitive("Book")) {
                return "an Excel 97–2003 workbook (.xls)";
            }
            if (fs.getRoot().hasEntryCaseInsensitive("WordDocument")) return "a Word 97–2003 document (.doc)";
            return "an OLE2 compound file that is no Excel or Word file";
        } catch (IOException | RuntimeException e) {
            return "a damaged OLE2 compound file";
        }
    }

    private static Kind kind(OPCPackage pkg) {
        PackageRelationshipCollection rels = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (rels == null || rels.size() == 0) return Kind.OTHER;
        PackagePart main = pkg.getPart(rels.getRelationship(0));
        String type = main == null ? "" : main.getContentType();
        if (type.contains("spreadsheetml") || type.contains("ms-excel")) return Kind.WORKBOOK;
        if (type.contains("wordprocessingml") || type.contains("ms-word")) return Kind.DOCUMENT;
        if (type.contains("presentationml") || type.contains("ms-powerpoint")) return Kind.PRESENTATION;
        return Kind.OTHER;
    }

    static UnreadableFileException encrypted(String file) {
        return new UnreadableFileException(file, "is password-protected; save it again without a password");
    }

    private static UnreadableFileException unreadable(String file, String what, Exception e) {
        if (e instanceof UnreadableFileException u) return u;
        String m = oneLine(e);
        if (m.contains("Zip bomb") || m.contains("exceeds the max") || m.contains("MAX_ENTRY_SIZE")) {
            return new UnreadableFileException(file, "unpacks to far more data than a list holds (refused as a possible zip bomb)");
        }
        return new UnreadableFileException(file, "is a damaged or unsupported " + what + " (" + m + ")");
    }

    /** An exception's message on one line, short enough for a report. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("\\s*\\n\\s*", "; ").strip();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}
