package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's hostile workbooks in a child JVM of the server's smallest heap, 512 MB, with the heap
 * measured after every collection: the tuned zip bomb (12 sheets of 97 MB each, 1:60, which passed
 * a per-entry ratio and size guard and was parsed in full at 5 GB of heap) is refused before any
 * part is parsed; a sheet of 131,072 rows (the 1,048,575-row sheet scaled down by 8, still past the
 * stated row limit) is refused at the limit, as a stream; a sheet of 12,000 items is read in full,
 * 序号 10000 and up included. The live heap stays under the stated bound throughout.
 */
class OfficeMemoryBoundTest {

    /** The stated bound: one ingest holds at most this much heap at once, whatever the file. */
    static final long BOUND_MB = 256;

    @TempDir
    Path tmp;

    @Test
    void hostileWorkbooksAreRefusedOrReadWithinTheStatedHeapBound() throws Exception {
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        HostileWorkbooks.tunedBomb(sources.resolve("bomb.xlsx"), 12, 97L * 1024 * 1024);
        HostileWorkbooks.manyRows(sources.resolve("rows-131072.xlsx"), 1_048_576 / 8);
        HostileWorkbooks.manyRows(sources.resolve("rows-12000.xlsx"), 12_000);
        long bomb = Files.size(sources.resolve("bomb.xlsx"));
        long ratio = 12L * 97 * 1024 * 1024 / bomb;
        assertTrue(bomb < InputLimits.MAX_FILE_BYTES && ratio > 40 && ratio < 100, "a tuned bomb: " + bomb + " bytes, 1:" + ratio);

        Path out = tmp.resolve("child.log");
        Process child = TestData.childJvm(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"), IngestHeapChild.class.getName(),
                sources.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the ingest finished in time");
        String log = Files.readString(out);
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("file bomb.xlsx: 0 powers, refused: its part xl/worksheets/sheet1.xml unpacks to more than 64 MB, "
                + "over the limit for such a part (refused as a possible zip bomb)"), log);
        assertTrue(log.contains("file rows-131072.xlsx: 0 powers, refused: it has more than 100,000 rows with text, over the limit of "
                + "100,000 (no published list comes near that), so it is not read"), log);
        assertTrue(log.contains("file rows-12000.xlsx: 12000 powers, read"), log);
        Matcher m = Pattern.compile("most in use after a collection (\\d+) MB over (\\d+) collections; max heap (\\d+) MB").matcher(log);
        assertTrue(m.find(), log);
        assertTrue(Long.parseLong(m.group(3)) <= 512, log);
        assertTrue(Integer.parseInt(m.group(2)) > 0, "the heap was measured: " + log);
        assertTrue(Long.parseLong(m.group(1)) <= BOUND_MB, "held at most " + BOUND_MB + " MB: " + log);
        System.out.println("bomb of " + bomb / (1024 * 1024) + " MB (1:" + ratio + "); " + m.group());
    }
}
