package org.quanze.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin token file: a byte order mark is not part of the token; a file that cannot give one stops the start with why. */
class AdminTokenFileTest {

    static final String TOKEN = "bom-token-0123456789abcdef";

    @TempDir
    Path tmp;

    @Test
    void aByteOrderMarkBeforeTheTokenIsNotPartOfIt() throws Exception {
        Path file = tmp.resolve("admin.token");
        // As Notepad saves "UTF-8": EF BB BF, the token, CR LF.
        Files.write(file, ("\uFEFF" + TOKEN + "\r\n").getBytes(StandardCharsets.UTF_8));
        AdminToken t = AdminToken.fromFile(file);
        assertTrue(t.accepts("Bearer " + TOKEN));
        assertFalse(t.accepts("Bearer \uFEFF" + TOKEN));
    }

    /** The one line {@code quanze serve} prints when it cannot start, and its exit status. */
    private static String serveFails(Path tokenFile) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            // The token is read before anything else: a wrong data folder is never reached.
            assertEquals(1, Main.run("serve", "--port", "0", "--data", "no-such-data-folder", "--admin-token-file", tokenFile.toString()));
        } finally {
            System.setErr(err);
        }
        return e.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aMissingFileStopsTheStartWithItsPathAndWhy() {
        Path missing = tmp.resolve("missing.token");
        assertEquals("quanze serve: admin token file " + missing + ": no such file", serveFails(missing));
    }

    @Test
    void anEmptyFileOrAnEmptyFirstLineStopsTheStart() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.token"), "");
        assertEquals("quanze serve: admin token file " + empty + ": it is empty", serveFails(empty));
        Path bomOnly = Files.write(tmp.resolve("bom.token"), "\uFEFF\n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("quanze serve: admin token file " + bomOnly + ": it is empty", serveFails(bomOnly));
        Path blankFirst = Files.writeString(tmp.resolve("blank-first.token"), "\n" + TOKEN + "\n");
        assertEquals("quanze serve: admin token file " + blankFirst + ": its first line, which must hold the token, is empty",
                serveFails(blankFirst));
    }

    @Test
    void anUnreadableFileStopsTheStartWithWhy() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("folder.token"));
        assertEquals("quanze serve: admin token file " + folder + ": it is a folder, not a file", serveFails(folder));
        Path binary = Files.write(tmp.resolve("binary.token"), new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x41});
        assertEquals("quanze serve: admin token file " + binary + ": it is not UTF-8 text", serveFails(binary));
        Path shortToken = Files.writeString(tmp.resolve("short.token"), "short\n");
        assertEquals("quanze serve: admin token file " + shortToken + ": the admin token must be at least 16 characters long",
                serveFails(shortToken));

        Path locked = Files.writeString(tmp.resolve("locked.token"), TOKEN + "\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(locked)) {
            // Run as root, the permission bits do not stop reading: the case cannot be made here.
            assertTrue(AdminToken.fromFile(locked).accepts("Bearer " + TOKEN));
        } else {
            assertEquals("quanze serve: admin token file " + locked + ": permission denied (the server's user cannot read it)",
                    serveFails(locked));
        }
    }

    @Test
    void theLibraryCallSaysTheSame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AdminToken.fromFile(tmp.resolve("nope")));
        assertEquals("admin token file " + tmp.resolve("nope") + ": no such file", e.getMessage());
    }
}
