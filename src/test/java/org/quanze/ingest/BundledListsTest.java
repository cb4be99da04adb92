package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S001;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S003;
import static org.quanze.testing.BundledData.S004;
import static org.quanze.ingest.ExpectedRecord.accountabilityCites;
import static org.quanze.ingest.ExpectedRecord.basisCites;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.Step;

/** The five bundled lists read exactly as issue 2's examples say. */
class BundledListsTest {

    private static Ingester.Result result;

    @BeforeAll
    static void ingestTheBundledLists() {
        result = BundledData.ingest();
    }

    private static PowerRecord item(String id) {
        return BundledData.find(result.records(), id);
    }

    @Test
    void readsSeventyThreePowersAndThirteenDutiesWithTheCountsOfEachList() {
        Map<String, List<Integer>> perFile = new LinkedHashMap<>();
        for (IngestReport.SourceReport s : result.report().sources()) perFile.put(s.file(), List.of(s.powers(), s.duties()));
        assertEquals(Map.of(S000 + ".txt", List.of(20, 0), S001 + ".txt", List.of(9, 0), S002 + ".txt", List.of(18, 0),
                S003 + ".txt", List.of(9, 13), S004 + ".txt", List.of(17, 0)), perFile);
        assertEquals(73, result.report().powers());
        assertEquals(13, result.report().duties());
        assertEquals(86, result.records().size());
    }

    @Test
    void accountsForEveryLineOfEveryList() {
        Map<String, IngestReport.Rows> rows = new TreeMap<>();
        for (IngestReport.SourceReport s : result.report().sources()) rows.put(s.file().substring(0, 3), s.rows());
        assertEquals(Map.of(
                "000", new IngestReport.Rows(83, 20, 0, 0, 41, 22, 0),
                "001", new IngestReport.Rows(10, 9, 0, 0, 1, 0, 0),
                "002", new IngestReport.Rows(55, 18, 0, 0, 18, 19, 0),
                // A 表 block is one item over several key/value rows; 表1's one row holds the 13 duties.
                "003", new IngestReport.Rows(75, 10, 0, 55, 10, 0, 0),
                "004", new IngestReport.Rows(26, 17, 0, 0, 4, 5, 0)), rows);
        rows.values().forEach(r -> assertTrue(r.addsUp(), r.toString()));
    }

    @Test
    void readsTheDutySectionsOf002Table2Item8AsSectionsWithTheirSteps() {
        // 直接实施责任： 1. … 2. … 指导监督责任： 3. …: once read as three steps all titled 直接实施责任,
        // the second heading glued to the end of step 2.
        assertEquals(List.of(new Step("直接实施责任", ""),
                        new Step(null, "制定监督检查计划，开展双随机一公开检查，通过实地核查、书面检查等多种方式进行监督检查。"),
                        new Step(null, "加强与相关主管部门的沟通协调，开展联合检查，避免多头执法、执法扰民等现象。"),
                        new Step("指导监督责任", ""), new Step(null, "加强对各地医保行政部门的指导和监督检查")),
                item(S002 + "-t2-8").responsibilities());
    }

    @Test
    void skipsNoRowOfTheBundledLists() {
        assertEquals(List.of(), result.report().skipped());
        assertEquals(List.of(), result.report().failed());
    }

    @Test
    void readsEachListInItsOwnLayout() {
        Map<String, String> layouts = new TreeMap<>();
        for (IngestReport.SourceReport s : result.report().sources()) layouts.put(s.file().substring(0, 3), s.layout());
        assertEquals(Map.of("000", "repeated-header table", "001", "plain table", "002", "titled tables",
                "003", "vertical key/value blocks", "004", "two-row header table"), layouts);
    }

    @Test
    void matchesTheTypeCountsThatList002StatesInItsOwnHeading() {
        // 共计18项、行政处罚4项、检查9项、强制1项、给付1项、奖励1项、确认1项、其他1项
        IngestReport.SourceReport s002 = result.report().sources().get(2);
        assertEquals(S002 + ".txt", s002.file());
        assertEquals(Map.of("行政处罚", 4, "行政检查", 9, "行政强制", 1, "行政给付", 1, "行政奖励", 1, "行政确认", 1,
                "其他行政权力", 1), s002.perType());
    }

    @Test
    void countsTwentyFivePenaltiesAndThirtyOneInspectionsOverAllLists() {
        Map<String, Integer> perType = new TreeMap<>();
        for (PowerRecord r : result.records()) if (r.powerType() != null) perType.merge(r.powerType(), 1, Integer::sum);
        assertEquals(25, perType.get("行政处罚"));
        assertEquals(31, perType.get("行政检查"));
        assertEquals(73, perType.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void citesSocialInsuranceHealthAndFundLawsInTheBasisOf000Item6() {
        List<Statute> cited = item(S000 + "-6").statutes();
        for (Statute s : List.of(basisCites("社会保险法", 87), basisCites("基本医疗卫生与健康促进法", 104),
                basisCites("医疗保障基金使用监督管理条例", 37))) {
            assertTrue(cited.contains(s), s + " missing from " + cited);
        }
    }

    @Test
    void citesExactlyTheAuditArticlesInTheBasisOf001Item9() {
        PowerRecord r = item(S001 + "-9");
        assertEquals("医疗保险稽核", r.name());
        assertEquals(List.of(basisCites("社会保险法", 31), basisCites("社会保险稽核办法", 2), basisCites("社会保险稽核办法", 3),
                        basisCites("社会保险稽核办法", 5), basisCites("社会保险稽核办法", 12)),
                r.statutes().stream().filter(s -> s.role().equals(Statute.BASIS)).toList());
    }

    @Test
    void readsBothArticlesOfTheSecondWithoutItsOwnDiIn004Item17() {
        // 追究依据: 《中华人民共和国基本医疗卫生与健康促进法》第九十二条、九十三条。
        List<Statute> cited = item(S004 + "-17").statutes();
        assertTrue(cited.contains(accountabilityCites("基本医疗卫生与健康促进法", 92)), cited.toString());
        assertTrue(cited.contains(accountabilityCites("基本医疗卫生与健康促进法", 93)), cited.toString());
    }

    @Test
    void keepsANoteOutOfTheSupervisionPhoneColumnOfTheShiftedRow004Item17() {
        // The 15-cell row's last cell is no phone number: it is the 备注, not the 服务电话.
        PowerRecord r = item(S004 + "-17");
        assertEquals("国家监管部门自行管理", r.notes());
        assertEquals(null, r.supervision());
    }

    @Test
    void readsTheUnitAndTheRegionalLevelsOfTheShiftedRow004Item8() {
        PowerRecord r = item(S004 + "-8");
        assertTrue(r.name().endsWith("遗体安葬费用支付"), r.name());
        assertEquals(List.of("医疗保障服务中心"), r.units());
        assertEquals("自治区、盟、地、州、县级机构", r.levelRaw());
        assertEquals(List.of("省级", "市级", "县级"), r.levels());
    }

    @Test
    void readsBothOfficesAndTheCountyLevelOf002Table2Item1() {
        PowerRecord r = item(S002 + "-t2-1");
        assertEquals("医疗稽核核", r.name());
        assertEquals("1", r.seq());
        assertEquals("伊宁市医疗保障局权责清单汇总表（2022年度三级四同）", r.table());
        assertEquals(List.of("综合业务科", "待遇保障科"), r.units());
        assertEquals(List.of("县级"), r.levels());
        assertEquals("县市级", r.levelRaw());
    }

    @Test
    void readsTheNineStepsOf000Item5FromFilingToOtherDuties() {
        assertEquals(List.of("立案责任", "调查责任", "告知责任", "决定责任", "送达责任", "执行责任", "移交责任", "保密责任", "其他责任"),
                item(S000 + "-5").responsibilities().stream().map(Step::title).toList());
    }

    @Test
    void readsTheThirteenDutiesOf003InOrderWithTheirChineseNumbers() {
        List<PowerRecord> duties = result.records().stream().filter(r -> r.kind().equals(PowerRecord.DUTY)).toList();
        assertEquals(13, duties.size());
        assertEquals("（一）", duties.get(0).seq());
        assertEquals("（十三）", duties.get(12).seq());
        assertEquals("承办市政府交办的其他事项。", duties.get(12).name());
        assertTrue(duties.stream().allMatch(d -> d.source().id().equals(S003)));
    }
}
