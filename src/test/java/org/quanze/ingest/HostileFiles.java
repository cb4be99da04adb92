package org.quanze.ingest;

import org.quanze.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Writes the hostile inputs of issue 7 into a sources folder, generated here rather than kept as
 * fixtures (one is 50 MB). Each constant is the file name the report must carry.
 */
final class HostileFiles {

    static final String EMPTY = "h-empty.txt";
    static final String GARBAGE = "h-garbage.txt";
    static final String TRUNCATED = "h-truncated.txt";
    static final String GB18030 = "h-gb18030.txt";
    static final String HUGE = "h-50mb.txt";
    static final String CELLS = "h-cells.txt";
    static final String BIG_CELL = "h-bigcell.txt";
    static final String MANY_LINES = "h-manylines.txt";
    static final String WIDE_ROW = "h-widerow.txt";

    static final String HEADER = "序号\t权力类型\t权力名称\t设定依据\t实施主体\n";
    static final int ONE_MB = 1024 * 1024;

    private HostileFiles() {}

    static String row(int seq, String name) {
        return seq + "\t行政检查\t" + name + "\t《医疗保障基金使用监督管理条例》第二十二条\t基金监管科\n";
    }

    /** Writes every hostile file; returns the byte offset where the truncated file was cut. */
    static void writeAll(Path sources) throws IOException {
        Files.write(sources.resolve(EMPTY), new byte[0]);

        byte[] garbage = new byte[64 * 1024];
        new Random(20261122).nextBytes(garbage);
        Files.write(sources.resolve(GARBAGE), garbage);

        // The 000 list cut in the middle of its last row and in the middle of a character.
        byte[] list000 = Files.readAllBytes(TestData.bundledSource("000_"));
        int cut = list000.length * 2 / 3;
        while ((list000[cut] & 0xC0) != 0x80) cut++; // land on a continuation byte: mid-character
        Files.write(sources.resolve(TRUNCATED), Arrays.copyOf(list000, cut));

        String list001 = Files.readString(TestData.bundledSource("001_"), StandardCharsets.UTF_8);
        Files.write(sources.resolve(GB18030), list001.getBytes(Charset.forName("GB18030")));

        try (OutputStream out = Files.newOutputStream(sources.resolve(HUGE))) {
            byte[] block = (HEADER + row(1, "对超大文件的监督检查")).repeat(2000).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * ONE_MB; written += block.length) out.write(block);
        }

        Files.writeString(sources.resolve(CELLS), HEADER
                + row(1, "对完整行的监督检查")
                + "2\t行政检查\t对缺少单元格的监督检查\n"                                        // line 3: 3 of 5 cells
                + row(3, "对多出单元格的监督检查").replace("\n", "\t多出的文字\t又一格\n")          // line 4: 7 cells
                + "\t\t\t\n"                                                                 // line 5: blank row
                + "甲\t行政检查\t序号不是数字的行\t无\t无\n"                                      // line 6: no 序号 (甲 numbers nothing; 四 would)
                + row(5, "对最后一行的监督检查"), StandardCharsets.UTF_8);

        String big = "《中华人民共和国社会保险法》第八十六条" + "很长的依据文字".repeat(ONE_MB / 7);
        Files.writeString(sources.resolve(BIG_CELL), HEADER + row(1, "对正常事项的监督检查")
                + "2\t行政处罚\t对超长单元格事项的处罚\t" + big + "\t基金监管科\n", StandardCharsets.UTF_8);

        Files.writeString(sources.resolve(MANY_LINES), HEADER + "x\n".repeat(InputLimits.MAX_LINES + 5), StandardCharsets.UTF_8);

        Files.writeString(sources.resolve(WIDE_ROW), HEADER + row(1, "对很宽一行的监督检查").replace("\n", "\t格".repeat(5000) + "\n"),
                StandardCharsets.UTF_8);
    }
}
