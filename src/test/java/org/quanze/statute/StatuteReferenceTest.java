package org.quanze.statute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quanze.model.Statute;

class StatuteReferenceTest {

    private static final Set<String> INDEXED = Set.of("社会保险法", "社会保险费征缴暂行条例", "价格法", "四川省行政执法监督条例");
    private static final Set<String> INDEXED_WITH_HEALTH = Set.of("社会保险法", "基本医疗卫生与健康促进法");

    private static List<String> paths(String q) {
        return StatuteReference.find(q, INDEXED).statutes().stream().map(Statute::path).toList();
    }

    @Test
    void readsFullNamesTitleMarksAndArticlesWithoutDi() {
        assertEquals(List.of("社会保险法/86"), paths("社会保险法第八十六条"));
        assertEquals(List.of("价格法/33"), paths("价格法 33条"));
        assertEquals(List.of("基本医疗卫生与健康促进法/87"), paths("《基本医疗卫生与健康促进法》第八十七条"));
        assertEquals(List.of("社会保险法/86"), paths("中华人民共和国社会保险法第86条"));
    }

    @Test
    void resolvesTheShortFormsPeopleType() {
        assertEquals(List.of("社会保险法/84"), paths("社保法第八十四条"));
        assertEquals(List.of("社会保险费征缴暂行条例/23"), paths("征缴条例第二十三条"));
        assertEquals(List.of("医疗保障基金使用监督管理条例/38"), paths("医保条例第三十八条"));
        assertEquals(List.of("药品管理法/84"), paths("《药管法》第84条"));
    }

    @Test
    void readsEveryNumeralSpelling() {
        assertEquals(List.of("社会保险法/86"), paths("社会保险法第８６条"));
        assertEquals(List.of("民法典/843"), paths("民法典 第八百四十三条"));
        assertEquals(List.of("民法典/1260"), paths("民法典第一千二百六十条"));
        assertEquals(List.of("社会保险法/92"), paths("社会保险法第九十二条第一款"));
    }

    @Test
    void readsALongNameTypedWithoutItsStart() {
        assertEquals(List.of("基本医疗卫生与健康促进法/103"), paths("健康促进法第103条"));
        StatuteReference ref = StatuteReference.find("请问健康促进法第一百零四条", INDEXED_WITH_HEALTH);
        assertEquals(List.of("基本医疗卫生与健康促进法/104"), ref.statutes().stream().map(Statute::path).toList());
        assertEquals("请问", ref.rest());
        assertEquals(List.of("基本医疗卫生与健康促进法"),
                StatuteReference.find("《健康促进法》 信用", INDEXED_WITH_HEALTH).statutes().stream().map(Statute::path).toList());
        // Too short a tail names no law: 促进法 ends several. Nor is a local law's place dropped.
        assertEquals(List.of("促进法/3"), paths("促进法第3条"));
        assertEquals(List.of("新疆行政执法监督条例/5"), paths("新疆行政执法监督条例第5条"));
    }

    @Test
    void readsSeveralArticlesOfOneLawAndItemsInBrackets() {
        assertEquals(List.of("社会保险法/84", "社会保险法/86"), paths("社会保险法第八十四条、第八十六条"));
        assertEquals(List.of("社会保险法/84", "社会保险法/86"), paths("社保法84条和86条"));
        assertEquals(List.of("社会保险法/63", "社会保险法/86"), paths("社会保险法第63条 第86条"));
        StatuteReference items = StatuteReference.find("医保条例第三十八条第（二）项", INDEXED);
        assertEquals(List.of("医疗保障基金使用监督管理条例/38"), items.statutes().stream().map(Statute::path).toList());
        assertEquals("", items.rest());
        assertEquals(List.of("社会保险法/92"), paths("社会保险法第九十二条1款"));
        // An article after other words has no law of its own: 3条 is left as typed.
        StatuteReference apart = StatuteReference.find("社会保险法第八十四条 罚款 3条", INDEXED);
        assertEquals(List.of("社会保险法/84"), apart.statutes().stream().map(Statute::path).toList());
        assertEquals("罚款 3条", apart.rest());
    }

    @Test
    void keepsWordsTypedBeforeTheNameOutOfIt() {
        StatuteReference ref = StatuteReference.find("请问社会保险法第八十六条怎么处罚", INDEXED);
        assertEquals(List.of("社会保险法/86"), ref.statutes().stream().map(Statute::path).toList());
        assertEquals("请问 怎么处罚", ref.rest());
        // A local regulation the index cites is found by its name too.
        assertEquals(List.of("四川省行政执法监督条例/5"), paths("四川省行政执法监督条例第五条"));
    }

    @Test
    void readsALawNamedWithoutAnArticleAndLeavesItsWordsInTheQuestion() {
        StatuteReference ref = StatuteReference.find("社保法 罚款", INDEXED);
        assertEquals(List.of("社会保险法"), ref.statutes().stream().map(Statute::path).toList());
        assertEquals("社保法 罚款", ref.rest());
        assertEquals(List.of("价格法"), paths("《价格法》明码标价"));
        assertEquals(List.of("价格法"), paths("依据中华人民共和国价格法的检查"));
        // An article and, apart from it, another law named alone; a law named twice counts once.
        assertEquals(List.of("社会保险法/86", "价格法"), paths("社会保险法第八十六条和价格法、价格法"));
    }

    @Test
    void takesNoLawTheIndexDoesNotCiteNorTheWordsLawsAndRegulations() {
        // 药品管理法 is in the vocabulary but no item of this index cites it.
        assertEquals(List.of(), paths("药品管理法 罚款"));
        assertEquals(List.of(), paths("社会保险法律法规"));
        assertEquals(List.of(), paths("罚款 3条"));
        assertEquals(List.of(), paths("《行政处罚决定书》"));
    }
}
