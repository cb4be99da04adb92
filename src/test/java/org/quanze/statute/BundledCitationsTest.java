package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.StatuteCheck;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchService;
import org.quanze.testing.BundledData;

/** Every citation of the five bundled lists, as the index holds them after ingest. */
class BundledCitationsTest {

    private static final List<PowerRecord> RECORDS = new ArrayList<>();
    private static LawLibrary library;

    @BeforeAll
    static void read() throws IOException {
        SearchService search = BundledData.sharedEngine().search();
        RECORDS.addAll(search.matching(new SearchRequest(null, java.util.Map.of("kind", List.of("all")), 1, 10, "source", false), 1000).records());
        library = LawLibrary.load(BundledData.PROJECT_DATA.resolve("laws"));
    }

    @Test
    void everyCitationResolvesToALawInTheLibraryOrIsUnknown() {
        assertEquals(86, RECORDS.size());
        TreeSet<String> unknown = new TreeSet<>();
        int citations = 0;
        for (PowerRecord r : RECORDS) {
            for (Statute s : r.statutes()) {
                citations++;
                assertNotNull(s.check(), () -> r.id() + " " + s.path() + " was not checked");
                boolean held = !library.versions(s.law()).isEmpty();
                boolean repealed = library.repeal(s.law()) != null;
                switch (s.check().status()) {
                    case StatuteCheck.UNKNOWN -> {
                        assertTrue(!held && !repealed, s::toString);
                        unknown.add(s.law());
                    }
                    case StatuteCheck.REPEALED -> assertTrue(repealed, s::toString);
                    default -> {
                        assertTrue(held, s::toString);
                        assertNotNull(library.version(s.law(), s.check().version()), s::toString);
                    }
                }
            }
        }
        assertEquals(587, citations);
        // The laws the library lacks: local rules, notices and departmental rules the national
        // database does not publish, and two titles no law bears (004's 基本医疗保险卫生与健康管理条例).
        assertEquals(List.of(
                "关于享受（离休干部十八军（集团军）退休人员医疗保障待遇问题的通知", "关于公布新疆维吾尔自治区定价目录的通知", "医疗保险基金使用监督管理办法", "医疗保障行政处罚程序暂行规定",
                "医疗机构医疗保障定点管理暂行办法", "医疗机构药品集中采购工作规范", "四川省行政审批违法违纪行为责任追究办法", "四川省行政执法监督条例", "四川省行政机关工作人员行政过错责任追究试行办法",
                "国务院关于修改部分行政法规的决定", "国务院办公厅转发民政部等部门关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作意见的通知",
                "国家医疗保障局办公室财政部办公厅关于印发（取消骗取医疗保险基金行为举报奖励暂行办法）的通知", "基本医疗保险卫生与健康管理条例", "基本医疗保险基金使用监督管理办法", "政府制定价格行为规则",
                "新疆维吾尔自治区打击欺诈骗取医疗保障基金行为举报奖励暂行办法", "社会保险稽核办法", "社会保险经办办法", "社会保险费申报缴纳管理规定",
                "自治区党委办公厅自治区人民政府办公厅关于印发〈新疆维吾尔自治区医疗保障局职能配置、内设机构和人员编制规定〉的通知", "药品生产质量管理规范", "药品集中采购监督管理办法",
                "转发民政厅等部门关于进一步完善医疗救助制度全面开展重特大疾病医疗救助工作实施意见的通知", "零售药店医疗保障定点管理暂行办法", "高值医用耗材集中采购工作规范（试行）"), List.copyOf(unknown));
    }

    /**
     * Every flag over all bundled items, listed: the repealed laws of 001, 002 and 003 and the
     * quotations that change the law's words. A citation of a current law quoted faithfully (or
     * not quoted) is never flagged, so any new flag fails here with its item and citation.
     */
    @Test
    void onlyRepealedLawsAndChangedQuotationsAreFlagged() {
        List<String> flagged = new ArrayList<>();
        for (PowerRecord r : RECORDS) {
            for (Statute s : r.statutes()) {
                StatuteCheck c = s.check();
                if (c.flags().isEmpty()) {
                    if (s.quote() != null && c.quotation() != null) assertTrue(!c.quotation().differs(), s::toString);
                    continue;
                }
                flagged.add(r.id() + " " + s.path() + " " + s.role() + ": " + String.join(", ", c.flags()));
            }
        }
        assertEquals(EXPECTED_FLAGS, flagged, () -> String.join("\n", flagged));
    }

    private static final List<String> EXPECTED_FLAGS = List.of(
            "001_5b333ea7bdafe129-1 社会保险法/57 basis: quotation differs from the law",
            "001_5b333ea7bdafe129-3 城镇职工基本医疗保险定点医疗机构管理暂行办法/17 basis: repealed",
            "001_5b333ea7bdafe129-3 城镇职工基本医疗保险定点零售药店管理暂行办法/13 basis: repealed",
            "001_5b333ea7bdafe129-3 城镇职工基本医疗保险定点医疗机构管理暂行办法/17 accountability: repealed",
            "001_5b333ea7bdafe129-3 城镇职工基本医疗保险定点零售药店管理暂行办法/13 accountability: repealed",
            "001_5b333ea7bdafe129-4 欺诈骗取医疗保障基金行为举报奖励暂行办法/2 basis: repealed",
            "001_5b333ea7bdafe129-4 欺诈骗取医疗保障基金行为举报奖励暂行办法/3 basis: repealed",
            "001_5b333ea7bdafe129-4 欺诈骗取医疗保障基金行为举报奖励暂行办法/2 accountability: repealed",
            "001_5b333ea7bdafe129-4 欺诈骗取医疗保障基金行为举报奖励暂行办法/3 accountability: repealed",
            "002_878c5c45273f98d5-t3-2 欺诈骗取医疗保障基金行为举报奖励暂行办法/2 basis: repealed",
            "002_878c5c45273f98d5-t3-2 欺诈骗取医疗保障基金行为举报奖励暂行办法/3 basis: repealed",
            "002_878c5c45273f98d5-t3-2 医疗保障基金使用监督管理条例/35 accountability: quotation differs from the law",
            "002_878c5c45273f98d5-t3-2 欺诈骗取医疗保障基金行为举报奖励暂行办法/2 accountability: repealed",
            "002_878c5c45273f98d5-t3-2 欺诈骗取医疗保障基金行为举报奖励暂行办法/3 accountability: repealed",
            "002_878c5c45273f98d5-t3-3 社会救助暂行办法/30 basis: quotation differs from the law",
            "002_878c5c45273f98d5-t3-4 社会救助暂行办法/30 basis: quotation differs from the law",
            "003_9f5412502f3ddd4a-2-1 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-2 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-3 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-4 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-5 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-6 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-7 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-8 行政监察法 accountability: repealed",
            "003_9f5412502f3ddd4a-2-9 行政监察法 accountability: repealed",
            "004_e6509d409e33aba2-1 社会保险法/87 basis: quotation differs from the law",
            "004_e6509d409e33aba2-2 社会保险法/87 basis: quotation differs from the law",
            "004_e6509d409e33aba2-3 社会保险法/88 basis: quotation differs from the law",
            "004_e6509d409e33aba2-4 社会保险法/88 basis: quotation differs from the law",
            "004_e6509d409e33aba2-5 社会保险法/87 basis: quotation differs from the law",
            "004_e6509d409e33aba2-6 社会保险法/87 basis: quotation differs from the law",
            "004_e6509d409e33aba2-7 社会保险法/88 basis: quotation differs from the law",
            "004_e6509d409e33aba2-9 社会保险法/77 basis: quotation differs from the law",
            "004_e6509d409e33aba2-10 基本医疗卫生与健康促进法/87 basis: quotation differs from the law",
            "004_e6509d409e33aba2-12 基本医疗卫生与健康促进法/21 basis: quotation differs from the law",
            "004_e6509d409e33aba2-13 药品管理法/32 basis: quotation differs from the law",
            "004_e6509d409e33aba2-15 社会保险法/31 basis: quotation differs from the law",
            "004_e6509d409e33aba2-16 医疗保障基金使用监督管理条例/32 basis: quotation differs from the law",
            "004_e6509d409e33aba2-17 基本医疗卫生与健康促进法/21 basis: quotation differs from the law");
}
