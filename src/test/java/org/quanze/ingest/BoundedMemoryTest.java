package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.IngestChild;
import org.quanze.TestData;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole ingest, index build included, of the bundled lists plus every hostile file and a
 * file just under the size limit made of megabyte cells, in a separate JVM limited to a 512 MB
 * heap: it must finish, not run out of memory.
 */
class BoundedMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void hostileSourcesIngestWithinA512MegabyteHeap() throws Exception {
        Path data = TestData.copy(tmp);
        Path sources = data.resolve("sources");
        HostileFiles.writeAll(sources);
        try (OutputStream out = Files.newOutputStream(sources.resolve("h-near-limit.txt"))) {
            out.write(HostileFiles.HEADER.getBytes(StandardCharsets.UTF_8));
            byte[] cell = "依据".repeat(HostileFiles.ONE_MB / 6).getBytes(StandardCharsets.UTF_8);
            for (int i = 1; i <= 19; i++) {
                out.write((i + "\t行政检查\t对第" + i + "个大单元格事项的检查\t").getBytes(StandardCharsets.UTF_8));
                out.write(cell);
                out.write("\t基金监管科\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(Files.size(sources.resolve("h-near-limit.txt")) < InputLimits.MAX_FILE_BYTES);
        assertTrue(Files.size(sources.resolve(HostileFiles.HUGE)) > 50L * HostileFiles.ONE_MB - 1);

        Path out = tmp.resolve("child.log");
        Process child = TestData.childJvm(List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"),
                IngestChild.class.getName(), data.toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(child.waitFor(5, TimeUnit.MINUTES), "the ingest finished in time");
        String log = Files.readString(out);
        assertEquals(0, child.exitValue(), log);
        assertTrue(log.contains("max heap 512 MB") || log.contains("max heap 51"), log);
        // 73 bundled, 9 from the GB18030 copy, the truncated copy's complete rows, 4 + 2 + 1 from
        // the row-shape files and 19 from the near-limit file.
        assertTrue(log.contains("ingest finished: "), log);
        int powers = Integer.parseInt(log.replaceAll("(?s).*ingest finished: (\\d+) powers.*", "$1"));
        assertTrue(powers >= 73 + 9 + 10 + 7 + 19, log);
        for (String f : List.of(HostileFiles.EMPTY, HostileFiles.GARBAGE, HostileFiles.HUGE, HostileFiles.MANY_LINES)) {
            assertTrue(log.contains("failed: " + f + ": "), f + " is reported: " + log);
        }
    }
}
