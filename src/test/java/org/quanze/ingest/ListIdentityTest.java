package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.model.SourceRef;
import org.quanze.testing.BundledData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quanze.testing.BundledData.S000;
import static org.quanze.testing.BundledData.S001;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S003;
import static org.quanze.testing.BundledData.S004;

/** Who issued a list and where it applies, from what the list says, with the evidence. */
class ListIdentityTest {

    static final Map<String, String> AREA_CODES = ListIdentity.AreaCodes.TABLE;

    static ListIdentity.Row row(String authority, String units, String... phones) {
        return new ListIdentity.Row(authority, units, null, List.of(phones));
    }

    static ListIdentity derive(String title, List<ListIdentity.Row> rows) {
        return ListIdentity.derive(title, null, null, rows, AREA_CODES);
    }

    @Test
    void theBundledListsNameTheirDepartmentAndPlaceWhereTheirContentSaysIt() {
        Map<String, SourceRef> lists = new LinkedHashMap<>();
        BundledData.ingest().records().forEach(r -> lists.putIfAbsent(r.source().id(), r.source()));
        SourceRef s000 = lists.get(S000);
        assertEquals("市医保局", s000.authority());
        assertEquals("四川省遂宁市", s000.region());
        assertEquals(List.of("部门“市医保局”：sources.json 所记",
                "地区“四川省遂宁市”：监督电话区号 0825（带区号的 20 个号码中有 20 个）在长途区号表中为四川省遂宁市"), s000.evidence());
        assertEquals(20, s000.itemsWithPhone());

        SourceRef s003 = lists.get(S003);
        assertNull(s003.authority(), "no heading, no 行使主体, nothing in sources.json");
        assertEquals("四川省广元市", s003.region());
        assertEquals(9, s003.itemsWithPhone());

        assertEquals(List.of("伊宁市医疗保障局", "伊宁市", 0), List.of(lists.get(S002).authority(), lists.get(S002).region(),
                lists.get(S002).itemsWithPhone()));
        assertEquals("基本医疗保险经办机构", lists.get(S004).authority(), "7 of 17 rows state a 行使主体: the title names it");
        assertEquals(List.of("部门“基本医疗保险经办机构”：清单标题“基本医疗保险经办机构行政权力清单责任清单”"), lists.get(S004).evidence());
        assertNull(lists.get(S004).region());
        SourceRef s001 = lists.get(S001);
        assertEquals(List.of(), s001.evidence(), "no title, no authority, no phone: nothing is said");
        assertNull(s001.authority());
        assertNull(s001.region());
    }

    @Test
    void aTitleNamesTheDepartmentAndThePlace() {
        ListIdentity id = derive("2025年克拉玛依市统计局权责清单", List.of(row(null, "政策法规科"), row(null, "政策法规科")));
        assertEquals("克拉玛依市统计局", id.authority());
        assertEquals("克拉玛依市", id.region());
        assertEquals(List.of("部门“克拉玛依市统计局”：清单标题“2025年克拉玛依市统计局权责清单”",
                "地区“克拉玛依市”：清单标题“2025年克拉玛依市统计局权责清单”"), id.evidence());

        ListIdentity city = derive("附件：2024年市农业农村局权责清单", List.of(row(null, "种植业科")));
        assertEquals("市农业农村局", city.authority());
        assertNull(city.region(), "市 alone names no city");
    }

    @Test
    void theAuthorityMostRowsStateIsTheLists() {
        ListIdentity id = derive("权责清单", List.of(row("伊宁市医疗保障局", "综合业务科"), row("伊宁市医疗保障局", "扶贫科"),
                row("伊宁市医疗保障事业发展中心", "征缴科")));
        assertEquals("伊宁市医疗保障局", id.authority());
        assertEquals("伊宁市", id.region());
        assertEquals(List.of("部门“伊宁市医疗保障局”：3 项中 2 项的行使主体", "地区“伊宁市”：部门“伊宁市医疗保障局”"), id.evidence());

        ListIdentity split = derive(null, List.of(row("市统\n计局", null), row("市财政局", null), row(null, null)));
        assertNull(split.authority(), "one row in three is no majority");
    }

    @Test
    void thePhonesAreaCodeNamesTheCityWhenNothingElseDoes() {
        ListIdentity id = derive(null, List.of(row(null, "稽核稽查科", "0839-3261252"), row(null, "稽核稽查科", "0839-3261252"),
                row(null, "医疗保障事务中心", "0839-3261252", "12345")));
        assertEquals("四川省广元市", id.region());
        assertEquals(List.of("地区“四川省广元市”：监督电话区号 0839（带区号的 3 个号码中有 3 个）在长途区号表中为四川省广元市"), id.evidence());
        assertEquals(3, id.itemsWithPhone());

        ListIdentity agreeing = derive("克拉玛依市医疗保障局2024年权责清单", List.of(row("克拉玛依市医疗保障局", "基金监管科", "0990-6233333")));
        assertEquals("克拉玛依市", agreeing.region(), "the title is more telling than the area code");
        assertEquals("监督电话区号 0990（带区号的 1 个号码中有 1 个）在长途区号表中为新疆克拉玛依市", agreeing.evidence().get(2));

        ListIdentity mixed = derive(null, List.of(row(null, null, "0990-6233333"), row(null, null, "0991-2345678")));
        assertNull(mixed.region(), "two cities' codes, neither the majority");
        assertEquals(List.of(), mixed.evidence());
    }

    @Test
    void tiersAndCommonWordsAreNoPlaces() {
        for (String name : List.of("县市区医疗保障局", "地州市商务主管部门", "基本医疗保险经办机构县级权责清单", "全市医疗保障局",
                "市区街道办事处", "社区卫生服务中心", "城市管理局")) {
            assertNull(ListIdentity.place(name), name);
        }
        assertEquals("伊犁哈萨克自治州", ListIdentity.place("伊犁哈萨克自治州医疗保障局"));
        assertEquals("新疆维吾尔自治区", ListIdentity.place("新疆维吾尔自治区医疗保障局"));
        assertEquals("四川省", ListIdentity.place("四川省医疗保障局权责清单"));
        assertEquals("伊宁市", ListIdentity.place("伊宁市医疗保障局权责清单汇总表（共计18项）"));
    }

    @Test
    void theAreaCodeTableHasItsSourceAndTheCodesOfThePhonesInTheLists() {
        assertEquals("四川省遂宁市", AREA_CODES.get("0825"));
        assertEquals("四川省广元市", AREA_CODES.get("0839"));
        assertEquals("北京市", AREA_CODES.get("010"));
        assertEquals("新疆克拉玛依市", AREA_CODES.get("0990"));
        assertEquals(324, AREA_CODES.size());
    }
}
