package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.StatuteCheck;
import org.quanze.search.SearchService;
import org.quanze.testing.BundledData;

/**
 * The cases the statute library exists for, each flagged exactly: a repealed law, repealed
 * measures with their successors, a renumbered law cited by its old version, a quotation that
 * differs from the law (beside faithful ones), and a law renumbered since the list was written.
 * Bundled items are read from the real index; cells of the 克拉玛依市 lists are copied verbatim.
 */
class CurrencyCasesTest {

    private static SearchService search;
    private static CitationCheck check;

    @BeforeAll
    static void open() throws IOException {
        search = BundledData.sharedEngine().search();
        check = new CitationCheck(LawLibrary.load(BundledData.PROJECT_DATA.resolve("laws")));
    }

    private static List<Statute> checked(String cell) {
        return StatuteExtractor.extract(cell, Statute.BASIS).stream().map(check::check).toList();
    }

    private static Statute cited(PowerRecord r, String law) {
        return r.statutes().stream().filter(s -> s.law().equals(law)).findFirst()
                .orElseThrow(() -> new AssertionError(r.id() + " does not cite " + law));
    }

    @Test
    void list003NamesTheRepealedSupervisionLawForNineItems() throws IOException {
        int items = 0;
        for (int n = 1; n <= 9; n++) {
            PowerRecord r = search.item(BundledData.S003 + "-2-" + n);
            StatuteCheck c = cited(r, "行政监察法").check();
            assertEquals(StatuteCheck.REPEALED, c.status());
            assertEquals(List.of(StatuteCheck.FLAG_REPEALED), c.flags());
            assertEquals("监察法", c.successor().law());
            assertEquals("2018-03-20", c.successor().date());
            assertTrue(c.successor().source().contains("第六十九条：“本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。”"), c.successor()::source);
            assertEquals(StatuteCheck.REPEALED, StatuteCheck.itemStatuses(r.statutes()).get(0));
            items++;
        }
        assertEquals(9, items);
    }

    @Test
    void list001CitesThe1999DesignatedProviderMeasuresReplacedIn2021() throws IOException {
        PowerRecord r = search.item(BundledData.S001 + "-3");
        StatuteCheck hospitals = cited(r, "城镇职工基本医疗保险定点医疗机构管理暂行办法").check();
        StatuteCheck pharmacies = cited(r, "城镇职工基本医疗保险定点零售药店管理暂行办法").check();
        assertEquals(StatuteCheck.REPEALED, hospitals.status());
        assertEquals(StatuteCheck.REPEALED, pharmacies.status());
        assertEquals("医疗机构医疗保障定点管理暂行办法", hospitals.successor().law());
        assertEquals("零售药店医疗保障定点管理暂行办法", pharmacies.successor().law());
        assertEquals("2021-02-01", hospitals.successor().date());
        assertTrue(hospitals.successor().source().startsWith("国家医疗保障局令第2号"), hospitals.successor()::source);
        assertTrue(pharmacies.successor().source().startsWith("国家医疗保障局令第3号"), pharmacies.successor()::source);
        // The 2018 举报奖励暂行办法 of item 4, replaced by the 2022 办法.
        StatuteCheck reward = cited(search.item(BundledData.S001 + "-4"), "欺诈骗取医疗保障基金行为举报奖励暂行办法").check();
        assertEquals("违法违规使用医疗保障基金举报奖励办法", reward.successor().law());
        assertEquals("2023-01-01", reward.successor().date());
    }

    /** 克拉玛依市医疗保障局2024年权责清单, item 1, 责任事项依据, verbatim. */
    private static final String KARAMAY_PENALTY_2017 = "【法律】《中华人民共和国行政处罚法》（2017年9月1日第二次修正）\n"
            + "第十五条、第三十条、第三十一条、第三十七条、第三十八条、第三十九条、第四十条、第四十四条、第四十五条。";

    @Test
    void citationsOfThe2017AdministrativePenaltyLawAreSupersededByThe2021Renumbering() {
        List<Statute> found = checked(KARAMAY_PENALTY_2017);
        assertEquals(List.of(15, 30, 31, 37, 38, 39, 40, 44, 45), found.stream().map(Statute::article).toList());
        for (Statute s : found) {
            StatuteCheck c = s.check();
            assertEquals(StatuteCheck.SUPERSEDED, c.status(), s::toString);
            assertEquals(List.of(StatuteCheck.FLAG_SUPERSEDED), c.flags());
            assertEquals("2017年9月1日第二次修正", s.version());
            assertEquals("2021-01-22", c.version());
            assertEquals("2021-07-15", c.successor().date());
            assertTrue(c.reason().startsWith("names the version of 2017-09-01, before the renumbering of 2021-07-15"), c::reason);
            assertTrue(c.successor().source().contains("条文由六十四条增至八十六条"), c.successor()::source);
        }
        // The same law cited by its 2021 revision is current, and says which version it named.
        Statute now = checked("《中华人民共和国行政处罚法》（1996年3月17日第八届全国人民代表大会第四次会议通过，2021年1月22日第十三届全国人民代表大会"
                + "常务委员会第二十五次会议修订）第七十六条").get(0);
        assertEquals(StatuteCheck.CURRENT, now.check().status());
        assertTrue(now.check().named());
        assertEquals("names the current version (2021-01-22)", now.check().reason());
        assertEquals(List.of(), now.check().flags());
    }

    /** 克拉玛依市医疗保障局2024年权责清单, item 1, 设定依据, verbatim (to the second citation). */
    private static final String KARAMAY_SI_87 = "【法律】《中华人民共和国社会保险法》（2010年10月28日通过）\n第八十七条:社会保险经办机构以及医疗机构、"
            + "药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段骗取社会保险基金支出的，由社会保险行政部门责令退回骗取的社会保险金，"
            + "处骗取金额二倍以上五倍以下的罚款;属于社会保险服务机构的，解除服务协议;直接负责的主管人员和其他直接责任人员有执业资格的，依法吊销其执业资格。\n"
            + "《中华人民共和国基本医疗卫生与健康促进法》第一百零四条基本医疗保险经办机构以及医疗机构、药品经营单位等以欺诈、伪造证明材料或者其他手段骗取"
            + "基本医疗保险基金支出的，由县级以上人民政府医疗保障主管部门依照有关社会保险的法律、行政法规规定给于行政处罚。";

    @Test
    void list004MisquotesSocialInsuranceArticle87Where002AndKaramayQuoteItFaithfully() throws IOException {
        for (String id : List.of("-1", "-2", "-5", "-6")) {
            StatuteCheck c = cited(search.item(BundledData.S004 + id), "社会保险法").check();
            assertEquals(List.of(StatuteCheck.FLAG_MISQUOTED), c.flags(), id);
            assertEquals(List.of(new StatuteCheck.Difference("相应", "骗取"), new StatuteCheck.Difference("费，", "金，")),
                    c.quotation().differences());
            assertTrue(c.quotation().official().contains("责令退回骗取的社会保险金"));
        }
        Statute faithful = cited(search.item(BundledData.S002 + "-1"), "社会保险法");
        assertEquals(87, faithful.article());
        assertEquals(List.of(), faithful.check().flags());
        assertEquals(1.0, faithful.check().quotation().similarity());

        Statute karamay = checked(KARAMAY_SI_87).get(0);
        assertEquals("社会保险法/87", karamay.path());
        assertEquals(List.of(), karamay.check().flags());
        assertEquals(StatuteCheck.CURRENT, karamay.check().status());
        // "2010年…通过": a version the library does not hold, linked to the current one and said so.
        assertEquals("names the version of 2010-10-28, which the library does not hold; linked to the current version (2018-12-29)",
                karamay.check().reason());
        // The second citation's 给于 for 给予 is a difference.
        assertEquals(List.of(StatuteCheck.FLAG_MISQUOTED), checked(KARAMAY_SI_87).get(1).check().flags());
    }

    /** The 2015 text of 药品管理法 on certification follow-up, which the 2019 revision dropped. */
    private static final String DRUG_LAW_2015_QUOTE = "药品监督管理部门应当按照规定，依据《药品生产质量管理规范》、《药品经营质量管理规范》，"
            + "对经其认证合格的药品生产企业、药品经营企业进行认证后的跟踪检查。";

    @Test
    void drugLawCitationsFromBeforeThe2019RenumberingPointElsewhere() {
        Statute named = checked("《中华人民共和国药品管理法》（2015年4月24日第十二届全国人民代表大会常务委员会第十四次会议修正）第六十八条").get(0);
        assertEquals(StatuteCheck.SUPERSEDED, named.check().status());
        assertEquals("names the version of 2015-04-24, before the renumbering of 2019-12-01 (" + renumbering() + "); "
                + "linked to the current version (2019-08-26)", named.check().reason());

        Statute unnamed = checked("《中华人民共和国药品管理法》第六十八条：" + DRUG_LAW_2015_QUOTE).get(0);
        assertEquals(StatuteCheck.SUPERSEDED, unnamed.check().status());
        assertEquals(List.of(StatuteCheck.FLAG_SUPERSEDED, StatuteCheck.FLAG_MISQUOTED), unnamed.check().flags());
        assertTrue(unnamed.check().reason().startsWith("the quoted text is not 第六十八条 of the current version (2019-08-26): "
                + "the list numbers it as before the renumbering of 2019-12-01"), unnamed.check()::reason);

        // Citing the current numbering with its current text is no flag.
        Statute current = checked("《中华人民共和国药品管理法》第八十四条：国家完善药品采购管理制度，对药品价格进行监测，开展成本价格调查，"
                + "加强药品价格监督检查，依法查处价格垄断、哄抬价格等药品价格违法行为，维护药品价格秩序。").get(0);
        assertEquals(List.of(), current.check().flags());
        assertNull(current.check().successor());
    }

    /** The source successions.tsv gives for the 2019 renumbering. */
    private static String renumbering() {
        return "2019年8月26日第十三届全国人民代表大会常务委员会第十二次会议修订（主席令第三十一号），自2019年12月1日起施行：全文修订为一百五十五条并重新编号";
    }
}
