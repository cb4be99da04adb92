package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.testing.BundledData;

class LawLibraryTest {

    private static final Path BUNDLED = BundledData.PROJECT_DATA.resolve("laws");

    @Test
    void readsEveryBundledLawByArticleWithoutProblems() throws IOException {
        LawLibrary lib = LawLibrary.load(BUNDLED);
        assertEquals(List.of(), lib.problems());
        assertEquals(15, lib.laws().size());
        LawVersion si = lib.current("社会保险法");
        assertEquals("中华人民共和国社会保险法", si.title());
        assertEquals("法律", si.level());
        assertEquals("2018-12-29", si.published());
        assertEquals(98, si.articles().size());
        assertEquals(155, lib.current("药品管理法").articles().size());
        assertEquals(86, lib.current("行政处罚法").articles().size());
        // 款 are paragraphs; a 项 keeps its own line.
        LawVersion.Article a57 = si.article(57);
        assertEquals(3, a57.paragraphs().size());
        assertTrue(a57.paragraphs().get(2).startsWith("市场监督管理部门、民政部门和机构编制管理机关"), a57::text);
        assertEquals("第七章 社会保险费征缴", a57.chapter());
        LawVersion.Article fund40 = lib.current("医疗保障基金使用监督管理条例").article(40);
        assertEquals("（一）诱导、协助他人冒名或者虚假就医、购药，提供虚假证明材料，或者串通他人虚开费用单据；", fund40.paragraphs().get(1));
        assertEquals("第八十七条", si.article(87).label());
    }

    @Test
    void keepsEveryVersionOfALawOldestFirst() throws IOException {
        LawLibrary lib = LawLibrary.load(BUNDLED);
        List<LawVersion> versions = lib.versions("监察法");
        assertEquals(List.of("2018-03-20", "2024-12-25"), versions.stream().map(LawVersion::published).toList());
        assertEquals("2024-12-25", lib.current("监察法").published());
        assertEquals("2018-03-20", versions.get(0).validFrom());
        assertEquals(69, versions.get(0).articles().size());
    }

    @Test
    void findsARepealStatedInALawsOwnClosingArticle(@TempDir Path dir) throws IOException {
        // Without a successions.tsv line, 监察法 第六十九条 itself says 行政监察法 is repealed.
        BundledData.copyTree(BUNDLED.resolve("宪法相关法"), dir.resolve("宪法相关法"));
        LawLibrary lib = LawLibrary.load(dir);
        Succession r = lib.repeal("行政监察法");
        assertEquals("监察法", r.successor());
        assertEquals("2018-03-20", r.date());
        assertEquals("中华人民共和国监察法（2018-03-20）第六十九条：“本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。”", r.source());
        assertNull(lib.repeal("监察法"));
    }

    @Test
    void readsRepealsAndRenumberingsFromTheSuccessionsFile() throws IOException {
        LawLibrary lib = LawLibrary.load(BUNDLED);
        assertEquals("医疗机构医疗保障定点管理暂行办法", lib.repeal("城镇职工基本医疗保险定点医疗机构管理暂行办法").successor());
        assertEquals("2023-01-01", lib.repeal("欺诈骗取医疗保障基金行为举报奖励暂行办法").date());
        assertEquals(List.of("2021-07-15"), lib.renumberings("行政处罚法").stream().map(Succession::date).toList());
        assertEquals(List.of("2019-12-01"), lib.renumberings("药品管理法").stream().map(Succession::date).toList());
        assertNull(lib.repeal("行政处罚法"));
    }

    @Test
    void aLawDroppedIntoTheFolderIsReadFromItsFileName(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("示例条例(2020-01-02).md"), "# 示例条例\n\n## 第一章 总则\n\n第一条 为了示例，制定本条例。\n\n"
                + "第二条 下列行为禁止：\n\n（一）甲；\n\n（二）乙。\n\n第二条之一 补充规定。\n\n第三条 本条例自2020年3月1日起施行。\n");
        LawLibrary lib = LawLibrary.load(dir);
        LawVersion v = lib.current("示例条例");
        assertEquals("2020-01-02", v.published());
        assertEquals("2020-03-01", v.validFrom());
        assertEquals(4, v.articles().size());
        assertEquals(List.of("下列行为禁止：", "（一）甲；", "（二）乙。"), v.article(2).paragraphs());
        assertEquals("第二条之一", v.articles().get(2).label());
        assertTrue(lib.names().knows("示例条例"));
    }

    @Test
    void namesEveryFileItCannotReadAndReadsTheRest(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("无标题(2020-01-02).md"), "第一条 没有标题。\n");
        Files.writeString(dir.resolve("无日期.md"), "# 无日期条例\n\n第一条 没有日期。\n");
        Files.writeString(dir.resolve("好条例(2021-05-06).md"), "# 好条例\n\n第一条 可以读。\n");
        LawLibrary lib = LawLibrary.load(dir);
        assertEquals(List.of("好条例"), List.copyOf(lib.laws()));
        assertEquals(List.of("无日期.md: its publication date is unknown: name the file 名称(yyyy-MM-dd).md or list it in laws.tsv",
                "无标题(2020-01-02).md: it does not start with the law's title as a '# ' line"), lib.problems());
    }

    @Test
    void rejectsAMalformedSuccessionNamingFileAndLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Succession.parse(
                List.of("# comment", "某法\tabolished\t2020-01-01\t新法\t\t来源"), "laws/successions.tsv"));
        assertEquals("laws/successions.tsv line 2: the event must be repealed or renumbered, not 'abolished'", e.getMessage());
    }

    @Test
    void storesTheLibraryWithAGenerationAndReadsItBack(@TempDir Path gen) throws IOException {
        LawLibrary lib = LawLibrary.load(BUNDLED);
        lib.save(gen);
        LawLibrary back = LawLibrary.read(gen);
        assertEquals(lib.laws(), back.laws());
        assertEquals(lib.current("社会保险法").article(87), back.current("社会保险法").article(87));
        assertEquals(lib.successions(), back.successions());
        assertEquals(0, LawLibrary.read(gen.resolve("missing")).laws().size());
    }
}
