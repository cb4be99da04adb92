package org.quanze.ingest;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Opens Office files with Apache POI and turns every way they fail into one sentence. Files are
 * opened from bytes already bounded by {@link Ingester#MAX_FILE_BYTES}; POI's zip-bomb guards
 * (ZipSecureFile: minimum compression ratio, entry count) stay on, and no zip entry may unpack to
 * more than {@link #MAX_ENTRY_BYTES}, so that a small hostile upload cannot fill the heap.
 */
final class OfficeFiles {

    /** A 权责清单 sheet or document is a few MB of XML at most; POI's own default is 4 GB. */
    static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;

    static {
        if (ZipSecureFile.getMaxEntrySize() > MAX_ENTRY_BYTES) ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

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

    /** Reads an .xlsx file, refusing a package that holds a Word document or anything else. */
    static Grid xlsx(String file, byte[] bytes) throws UnreadableFileException {
        OPCPackage pkg = open(file, bytes);
        try {
            Kind kind = kind(pkg);
            if (kind != Kind.WORKBOOK) throw mismatch(file, kind);
            return SheetGridReader.read(file, new XSSFWorkbook(pkg));
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "Excel workbook", e);
        } finally {
            pkg.revert(); // read-only: never write back
        }
    }

    static Grid docx(String file, byte[] bytes) throws UnreadableFileException {
        OPCPackage pkg = open(file, bytes);
        try {
            Kind kind = kind(pkg);
            if (kind != Kind.DOCUMENT) throw mismatch(file, kind);
            return DocxGridReader.read(file, new XWPFDocument(pkg));
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "Word document", e);
        } finally {
            pkg.revert();
        }
    }

    /** Reads an .xls (BIFF8, Excel 97–2003) workbook. */
    static Grid xls(String file, byte[] bytes) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) throw encrypted(file);
            if (!fs.getRoot().hasEntryCaseInsensitive("Workbook") && !fs.getRoot().hasEntryCaseInsensitive("Book")) {
                throw new UnreadableFileException(file, "is an OLE2 file (a Word 97–2003 .doc or similar) but holds no Excel workbook");
            }
            try (HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
                return SheetGridReader.read(file, wb);
            }
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException(file, "is an Excel 5.0/95 workbook or older, which is not read; save it as .xlsx");
        } catch (EncryptedDocumentException e) {
            throw encrypted(file);
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "Excel 97–2003 workbook", e);
        }
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

    /** What an Office Open XML file is, or null when the bytes are no readable package. */
    static Kind describeOoxml(byte[] bytes) {
        try {
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            try {
                return kind(pkg);
            } finally {
                pkg.revert();
            }
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            return null;
        }
    }

    private static OPCPackage open(String file, byte[] bytes) throws UnreadableFileException {
        try {
            return OPCPackage.open(new ByteArrayInputStream(bytes));
        } catch (OLE2NotOfficeXmlFileException e) {
            throw new UnreadableFileException(file, "is " + describeOle2(bytes) + ", not an Office Open XML file");
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new UnreadableFileException(file, "is a zip archive but no Office file (it has no [Content_Types].xml)");
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw unreadable(file, "Office file", e);
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

    private static UnreadableFileException mismatch(String file, Kind kind) {
        return new UnreadableFileException(file, "the name says " + GridReaders.extension(file) + " but the file is " + kind.described);
    }

    private static UnreadableFileException encrypted(String file) {
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
