package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.TestData;
import org.quanze.model.PowerRecord;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random inputs through {@link Ingester#ingest(String, byte[])}, the layout recognisers and
 * readers included: random bytes, generated grids built from the lists' own vocabulary, and
 * mutations of the bundled lists. Every input must be answered (records) or reported (an error),
 * never throw, and never fail by a bug of ours ({@link Ingester#INTERNAL}). A failing seed is
 * printed so the input can be rebuilt and kept as a fixture.
 */
class IngestFuzzTest {

    static final long SEED = 20261122L;
    static final int RANDOM_BYTES = 2000;
    static final int GRIDS = 3000;
    static final int MUTATIONS = 1000;

    static final String[] LABELS = {"序号", "权力类型", "权力名称", "事项名称", "子项名称", "设定依据", "实施依据", "责任事项", "责任事项依据",
            "追责情形", "追责情形及免责情形", "实施主体", "行使主体", "承办机构", "责任主体", "监督方式", "备注", "权力清单", "责任清单",
            "项目", "子项", "实施层级", "主体责任", "职责边界", "问责依据", "行使层级", "事项类别"};
    static final String[] CELLS = {"行政处罚", "行政检查", "其他行政权力", "对违规行为的处罚", "《中华人民共和国社会保险法》第八十四条",
            "1.受理责任：依法受理。2.审查责任：审查材料。", "基金监管科", "市级", "县区级、镇级", "无", "/", "—", "监督电话：0825-5801815",
            "（一）负责医疗保障工作", "<p>段落</p>", "<b>加粗</b>", "&lt;script&gt;", "&#x41;", "&amp;", "  ", "", "表2-1", "表1",
            "# 标题", "第（四）项", "《》", "《未闭合", "第一百零四条", "\u3000", "\u00A0", "\uFEFF", "\u202E", "\uD83D\uDE00", "\uD800",
            "a\u0301", "\r", "\f", "12345", "0", "9999", "10000", "-1", "1.5", "  3 "};

    @Test
    void randomBytesAreAnsweredOrReported() {
        Random rnd = new Random(SEED);
        Ingester in = new Ingester(SourceCatalog.empty());
        for (int i = 0; i < RANDOM_BYTES; i++) {
            byte[] b = new byte[rnd.nextInt(i % 100 == 0 ? 20_000 : 600)];
            rnd.nextBytes(b);
            if (i % 3 == 0) for (int k = 0; k < b.length; k++) if (rnd.nextInt(8) == 0) b[k] = (byte) (rnd.nextBoolean() ? '\t' : '\n');
            check(in, "bytes-" + i, b, "random bytes #" + i);
        }
    }

    @Test
    void generatedGridsAreAnsweredOrReported() {
        Random rnd = new Random(SEED + 1);
        Ingester in = new Ingester(SourceCatalog.empty());
        int answered = 0;
        for (int i = 0; i < GRIDS; i++) {
            String text = grid(rnd);
            Charset cs = rnd.nextInt(4) == 0 ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
            byte[] bytes = text.getBytes(cs);
            if (rnd.nextInt(10) == 0) bytes = Arrays.copyOf(bytes, rnd.nextInt(bytes.length + 1)); // truncated anywhere
            if (check(in, "grid-" + i + ".txt", bytes, "grid #" + i + " (seed " + (SEED + 1) + ")")) answered++;
        }
        assertTrue(answered > GRIDS / 20, "the generator reaches the readers, not only the refusals: " + answered);
    }

    @Test
    void mutatedBundledListsAreAnsweredOrReported() throws Exception {
        List<byte[]> lists = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.BUNDLED.resolve("sources"))) {
            for (Path p : s.sorted().toList()) lists.add(Files.readAllBytes(p));
        }
        Random rnd = new Random(SEED + 2);
        Ingester in = new Ingester(SourceCatalog.empty());
        int answered = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] b = lists.get(i % lists.size());
            int n = 1 + rnd.nextInt(6);
            for (int k = 0; k < n; k++) b = mutate(b, rnd);
            if (check(in, "mutant-" + i + ".txt", b, "mutation #" + i + " of list " + (i % lists.size()))) answered++;
        }
        assertTrue(answered > MUTATIONS / 2, "most mutants still read: " + answered);
    }

    /** Asserts the contract; returns whether records were read. */
    static boolean check(Ingester in, String name, byte[] bytes, String what) {
        Ingester.FileResult r;
        try {
            r = in.ingest(name, bytes);
        } catch (Throwable t) {
            fail(what + " threw " + t, t);
            return false;
        }
        assertNotNull(r, what);
        assertEquals(r.records().isEmpty(), r.error() != null, what + ": records xor error, got " + r.error());
        if (r.error() != null) {
            assertFalse(r.error().startsWith(Ingester.INTERNAL), what + ": " + r.error());
            assertFalse(r.error().isBlank(), what);
        }
        for (Skip s : r.skips()) {
            assertEquals(name, s.file(), what);
            assertFalse(s.reason().isBlank(), what);
            assertFalse(s.reason().contains(Ingester.INTERNAL), what + ": " + s);
        }
        for (PowerRecord rec : r.records()) {
            assertNotNull(rec.id(), what);
            if (PowerRecord.POWER.equals(rec.kind())) assertNotNull(rec.name(), what);
            for (String t : new String[] {rec.name(), rec.basis(), rec.notes(), rec.accountability()}) {
                assertTrue(t == null || t.length() <= 4 * InputLimits.MAX_CELL_CHARS, () -> what + ": a field of " + t.length());
            }
        }
        return !r.records().isEmpty();
    }

    static String grid(Random rnd) {
        StringBuilder b = new StringBuilder();
        boolean cellPerLine = rnd.nextInt(4) == 0;
        int rows = rnd.nextInt(40);
        if (rnd.nextBoolean()) b.append(pick(rnd, CELLS)).append('\n');
        for (int r = 0; r < rows; r++) {
            int kind = rnd.nextInt(10);
            int width = rnd.nextInt(kind == 0 ? 40 : 12);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                cells.add(switch (kind) {
                    case 0, 1, 2 -> rnd.nextInt(5) == 0 ? pick(rnd, CELLS) : pick(rnd, LABELS); // header-like
                    case 3 -> c == 0 ? "表" + rnd.nextInt(3) + "-" + rnd.nextInt(12) : pick(rnd, CELLS); // titles
                    default -> c == 0 ? String.valueOf(rnd.nextInt(30)) : pick(rnd, CELLS); // numbered data
                });
            }
            if (rnd.nextInt(50) == 0) cells.add("长".repeat(rnd.nextInt(30_000)));
            if (cellPerLine) {
                for (String c : cells) b.append('\t').append(c.replace('\t', ' ')).append('\n');
                b.append('\n');
            } else {
                b.append(String.join("\t", cells)).append(rnd.nextInt(8) == 0 ? "\r\n" : "\n");
                if (rnd.nextInt(6) == 0) b.append('\n');
            }
        }
        return b.toString();
    }

    static byte[] mutate(byte[] b, Random rnd) {
        if (b.length == 0) return new byte[] {(byte) rnd.nextInt(256)};
        int at = rnd.nextInt(b.length);
        int len = Math.min(b.length - at, 1 + rnd.nextInt(400));
        byte[] out;
        switch (rnd.nextInt(7)) {
            case 0 -> out = concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + len, b.length)); // delete a range
            case 1 -> out = concat(Arrays.copyOf(b, at + len), Arrays.copyOfRange(b, at, b.length)); // duplicate a range
            case 2 -> out = Arrays.copyOf(b, at); // truncate anywhere, mid-character included
            case 3 -> { // flip bytes
                out = b.clone();
                for (int k = 0; k < 1 + rnd.nextInt(8); k++) out[rnd.nextInt(out.length)] = (byte) rnd.nextInt(256);
            }
            case 4 -> { // tabs and newlines where they do not belong, or removed
                out = b.clone();
                byte from = rnd.nextBoolean() ? (byte) '\t' : (byte) '\n';
                byte to = rnd.nextBoolean() ? (byte) ' ' : (from == '\t' ? (byte) '\n' : (byte) '\t');
                for (int k = at; k < at + len; k++) if (out[k] == from) out[k] = to;
            }
            case 5 -> { // insert lines from elsewhere in the file
                int from = rnd.nextInt(b.length);
                out = concat(concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, from, Math.min(b.length, from + len))),
                        Arrays.copyOfRange(b, at, b.length));
            }
            default -> { // insert random bytes
                byte[] junk = new byte[1 + rnd.nextInt(50)];
                rnd.nextBytes(junk);
                out = concat(concat(Arrays.copyOf(b, at), junk), Arrays.copyOfRange(b, at, b.length));
            }
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String pick(Random rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }
}
