package org.quanze.ingest;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.Locale;

/**
 * Opens an Office Open XML package (.xlsx, .docx) from its bytes with its memory bounded by design.
 * Before anything is parsed, every part is unpacked once into nothing, counting its bytes: a part
 * over its limit, or all parts together over {@link InputLimits#MAX_UNPACKED_BYTES}, refuses the
 * file (a zip bomb, tuned or not, costs the time to unpack up to the limit and no memory). The
 * package is then opened lazily over the same bytes, so a part is unpacked only while it is read,
 * as a stream.
 */
final class OfficePackage {

    private static final int EOCD = 0x06054b50;

    private OfficePackage() {}

    /** The package, checked; the caller reverts it when done (read-only: never written back). */
    static OPCPackage open(String file, byte[] bytes) throws UnreadableFileException {
        checkEntryCount(file, bytes);
        ZipFile zip;
        try {
            zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(file, "is a damaged or unsupported Office file (a zip archive that cannot be opened: " + OfficeFiles.oneLine(e) + ")");
        }
        try {
            checkSizes(file, zip);
            return OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (UnreadableFileException e) {
            closeQuietly(zip);
            throw e;
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            closeQuietly(zip);
            throw new UnreadableFileException(file, "is a zip archive but no Office file (it has no [Content_Types].xml)");
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            closeQuietly(zip);
            throw new UnreadableFileException(file, "is a damaged or unsupported Office file (" + OfficeFiles.oneLine(e) + ")");
        }
    }

    /**
     * The entry count from the zip's end record, before the central directory is read into
     * memory: a 20 MB file could otherwise list hundreds of thousands of empty entries.
     */
    private static void checkEntryCount(String file, byte[] bytes) throws UnreadableFileException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
            if (b.getInt(i) != EOCD) continue;
            int entries = Short.toUnsignedInt(b.getShort(i + 10));
            if (entries > InputLimits.MAX_PACKAGE_ENTRIES) {
                throw new UnreadableFileException(file, "the package holds " + InputLimits.fmt(entries) + " parts, over the limit of "
                        + InputLimits.fmt(InputLimits.MAX_PACKAGE_ENTRIES) + " (refused as a possible zip bomb)");
            }
            return;
        }
    }

    private static void checkSizes(String file, ZipFile zip) throws IOException, UnreadableFileException {
        long total = 0, parsed = 0;
        byte[] sink = new byte[64 * 1024];
        int count = 0;
        for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
            if (++count > InputLimits.MAX_PACKAGE_ENTRIES) {
                throw new UnreadableFileException(file, "the package holds more than " + InputLimits.fmt(InputLimits.MAX_PACKAGE_ENTRIES)
                        + " parts (refused as a possible zip bomb)");
            }
            if (e.isDirectory()) continue;
            boolean streamed = isStreamed(e.getName()), whole = !streamed && isParsedWhole(e.getName());
            long limit = streamed ? InputLimits.MAX_STREAMED_PART_BYTES : whole ? InputLimits.MAX_PARSED_BYTES - parsed : InputLimits.MAX_UNPACKED_BYTES;
            long size = 0;
            try (InputStream in = zip.getInputStream(e)) {
                for (int n; (n = in.read(sink)) > 0; ) {
                    size += n;
                    total += n;
                    if (size > limit && streamed) {
                        throw new UnreadableFileException(file, "its part " + e.getName() + " unpacks to more than " + mb(limit)
                                + ", over the limit for such a part (refused as a possible zip bomb)");
                    }
                    if (size > limit && whole) {
                        throw new UnreadableFileException(file, "its document parts unpack to more than " + mb(InputLimits.MAX_PARSED_BYTES)
                                + " of XML, over the limit for a document read whole (at " + e.getName() + "); save a list that large as .xlsx");
                    }
                    if (total > InputLimits.MAX_UNPACKED_BYTES) {
                        throw new UnreadableFileException(file, "it unpacks to more than " + mb(InputLimits.MAX_UNPACKED_BYTES)
                                + ", over the limit (refused as a possible zip bomb)");
                    }
                }
            }
            if (whole) parsed += size;
        }
    }

    /** A workbook's parts: read as a stream (sheets, strings, styles, the workbook) or never read (drawings, themes). */
    private static boolean isStreamed(String part) {
        return part.toLowerCase(Locale.ROOT).startsWith("xl/");
    }

    /** Parts POI parses whole: the Word document and its companions, relationships, content types, properties. */
    private static boolean isParsedWhole(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        return p.endsWith(".rels") || p.equals("[content_types].xml") || p.startsWith("docprops/")
                || (p.startsWith("word/") && p.endsWith(".xml"));
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // The bytes are in memory; there is nothing left to release.
        }
    }
}
