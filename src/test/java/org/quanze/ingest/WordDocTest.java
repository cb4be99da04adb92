package org.quanze.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Word 97–2003 files as offices send them: damaged, under another name. (That a .doc reads to
 * its list's records is {@link OfficeRoundTripTest}'s.)
 */
class WordDocTest {

    /** A bundled list saved as a .doc by LibreOffice (see src/test/resources/fixtures/doc/README.md). */
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/doc/001_5b333ea7bdafe129-plain.doc");

    @Test
    void refusesADamagedDocWithWhatItIs() {
        assertEquals("the name says .doc but the file is a damaged OLE2 compound file",
                OfficeReadersTest.reason("list.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}));
    }

    /**
     * A real .doc (a bundled list saved by LibreOffice) cut short, or with its Word stream
     * overwritten, is refused with a reason that names it a damaged Word document; nothing escapes.
     */
    @Test
    void refusesADamagedWordDocumentWithAReason() throws Exception {
        byte[] doc = Files.readAllBytes(FIXTURE);
        assertTrue(GridReaders.read("list.doc", doc).rows().size() > 5);
        String cut = OfficeReadersTest.reason("list.doc", Arrays.copyOf(doc, doc.length / 2));
        assertTrue(cut.startsWith("is a damaged or unsupported Word 97–2003 document (")
                || cut.startsWith("the name says .doc but the file is a damaged OLE2 compound file"), cut);
        byte[] scrambled = doc.clone();
        for (int i = 4096; i < scrambled.length; i += 7) scrambled[i] = (byte) (scrambled[i] * 31 + 17);
        String garbled = OfficeReadersTest.reason("list.doc", scrambled);
        assertTrue(garbled.startsWith("is a damaged or unsupported Word 97–2003 document (")
                || garbled.startsWith("the name says .doc but the file is a damaged OLE2 compound file"), garbled);
    }

    @Test
    void readsAWordDocumentNamedXlsAsWhatItIs() throws Exception {
        byte[] doc = Files.readAllBytes(FIXTURE);
        ReadLog log = new ReadLog("list.xls");
        Grid g = GridReaders.read("list.xls", doc, log);
        assertEquals(GridReaders.read("list.doc", doc).rows(), g.rows());
        assertEquals(List.of("the name says .xls but the file is a Word 97–2003 document (.doc); it was read as what it is"),
                log.remarks.stream().map(Remark::reason).toList());
    }
}
