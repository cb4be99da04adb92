package org.quanze.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceFileNameTest {

    private static String safe(String submitted) {
        SourceFileName.Result r = SourceFileName.reduce(submitted);
        assertNull(r.refusal(), () -> submitted + " was refused: " + r.refusal());
        return r.name();
    }

    private static String refusal(String submitted) {
        SourceFileName.Result r = SourceFileName.reduce(submitted);
        assertNull(r.name(), () -> submitted + " was accepted as " + r.name());
        assertNotNull(r.refusal());
        return r.refusal();
    }

    @Test
    void keepsAnOrdinaryChineseName() {
        assertEquals("市医保局权责清单.txt", safe("市医保局权责清单.txt"));
        assertEquals("2024（修订）清单-v2.tsv", safe("2024（修订）清单-v2.TSV"));
    }

    @Test
    void stripsFolderPartsOfEitherSeparator() {
        assertEquals("passwd.txt", safe("../../etc/passwd.txt"));
        assertEquals("list.txt", safe("..\\..\\windows\\list.txt"));
        assertEquals("list.txt", safe("C:\\Users\\me\\list.txt"));
        assertEquals("list.txt", safe("/var/lib/quanze/sources/list.txt"));
    }

    @Test
    void neverLeavesDotDotOrALeadingDot() {
        assertEquals("a.b.txt", safe("a..b.txt"));
        assertEquals("hidden.txt", safe(".hidden.txt"));
        assertEquals("x.txt", safe("x....txt"));
        for (String s : new String[] {"....", "..", ".", "./..", "..txt", ".txt", ".. .txt"}) refusal(s);
    }

    @Test
    void dropsControlAndBidiCharactersAndReplacesShellCharacters() {
        assertEquals("ab.txt", safe("a\u0000b.txt"));
        assertEquals("ab.txt", safe("a\nb\r.txt"));
        assertTrue(refusal("\u202Etxt.exe").contains("not .exe"), "the override is gone and the real extension shows");
        assertEquals("a_b_c_d.txt", safe("a b*c?d.txt"));
        assertEquals("(rm_-rf).txt", safe("$(rm -rf).txt"));
        assertEquals("a_b.txt", safe("a;b`.txt"));
        assertEquals("evil_name.txt", safe("evil   name.txt"));
    }

    @Test
    void refusesEmptyNamesAndFormatsTheIngestDoesNotRead() {
        refusal(null);
        refusal("");
        refusal("   ");
        refusal("***");
        assertTrue(refusal("list.exe").contains("not .exe"));
        assertTrue(refusal("list.pdf").contains("not .pdf"));
        assertTrue(refusal("list.html").contains(".xlsx"), "the refusal lists what is read");
        for (String ok : new String[] {"清单.xlsx", "清单.xls", "清单.docx", "清单.doc", "清单.csv", "清单.txt", "清单.tsv"}) assertEquals(ok, safe(ok));
        assertEquals("清单.xlsx", safe("清单.XLSX"));
    }

    @Test
    void refusesANameWithoutAnExtensionNamingTheRule() {
        assertEquals("the file name 'README' has no extension; it must end in one of .xlsx, .xls, .docx, .doc, .csv, .txt, .tsv,"
                + " which says how the list is read", refusal("README"));
        assertTrue(refusal("../清单.").contains("has no extension"));
    }

    @Test
    void limitsTheNameInBytesNotCharacters() {
        // 66 Chinese characters and ".xlsx": 198 + 5 bytes, just over; 65 fit.
        assertEquals("the file name is 203 bytes long in UTF-8, over the limit of 200 bytes (a Chinese character takes 3:"
                + " 65 of them and .xlsx fit); shorten it", refusal("长".repeat(66) + ".xlsx"));
        assertEquals("长".repeat(65) + ".xlsx", safe("长".repeat(65) + ".xlsx"));
        // ASCII is a byte a character: 196 + ".txt" is exactly the limit.
        assertEquals(200, safe("a".repeat(196) + ".txt").length());
        assertTrue(refusal("a".repeat(197) + ".txt").contains("201 bytes"));
        // A name of 100 Chinese characters, which once reached the file system as a 500 "File name too long".
        assertTrue(refusal("权".repeat(100) + ".txt").startsWith("the file name is 304 bytes long in UTF-8, over the limit of 200"));
    }
}
