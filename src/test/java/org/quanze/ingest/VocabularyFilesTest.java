package org.quanze.ingest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The header-name and level vocabularies: data with a source for every entry, read as the lists write their words. */
class VocabularyFilesTest {

    @Test
    void everyEntryOfBothVocabulariesSaysWhereItWasSeen() throws IOException {
        for (String file : List.of("header-names.tsv", "levels.tsv")) {
            int entries = 0;
            for (String line : lines(file)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t");
                assertEquals(3, cols.length, file + ": " + line);
                assertFalse(cols[2].isBlank(), file + ": " + line);
                entries++;
            }
            assertTrue(entries > 30, file + " has " + entries + " entries");
        }
    }

    @Test
    void namesColumnsByTheirLabelsWithWhitespaceAndAQualifierIgnored() {
        assertEquals(Field.NAME, Field.ofLabel("事项\n名称"));
        assertEquals(Field.SEQ, Field.ofLabel("序  号"));
        assertEquals(Field.POWER_TYPE, Field.ofLabel("职权类型"));
        assertEquals(Field.RESPONSIBILITY_BASIS, Field.ofLabel("责任事项的依据"));
        assertEquals(Field.TIME_LIMIT, Field.ofLabel("法定期限（天/日）"));
        assertEquals(Field.UNKNOWN, Field.ofLabel("职权编码"));
        assertTrue(HeaderNames.lookup("责任主体").fallback());
        assertTrue(HeaderNames.isFiller("无明确规定"));
    }

    @Test
    void anUnlistedLabelNamesTheFieldOfItsHeadWordAsAFallback() {
        assertEquals(new HeaderNames.Entry(Field.NAME, true, 3), HeaderNames.lookup("职权事项名称"));
        assertEquals(new HeaderNames.Entry(Field.POWER_TYPE, true, 1), HeaderNames.lookup("权责类型"));
        assertEquals(new HeaderNames.Entry(Field.POWER_TYPE, true, 0), HeaderNames.lookup("公开类型"));
        assertEquals(new HeaderNames.Entry(Field.BASIS, true, 0), HeaderNames.lookup("行使依据"));
        assertEquals(new HeaderNames.Entry(Field.UNITS, true, 2), HeaderNames.lookup("承办处室（单位）"));
        assertEquals(new HeaderNames.Entry(Field.UNITS, true, 0), HeaderNames.lookup("隶属机构"));
        // The longest head word decides: a body's or a sub-item's name is not the item's.
        assertEquals(Field.AUTHORITY, HeaderNames.lookup("实施主体名称").field());
        assertEquals(Field.SUB_ITEM, HeaderNames.lookup("权力子项名称").field());
        assertEquals(Field.RESPONSIBILITY_BASIS, HeaderNames.lookup("追究责任依据").field());
        // A listed label keeps its own entry; a head word alone is no label.
        assertEquals(new HeaderNames.Entry(Field.NAME, false), HeaderNames.lookup("事项名称"));
        assertFalse(HeaderNames.lookup("事项名称").byHeadWord());
        assertEquals(Field.UNKNOWN, Field.ofLabel("行使依据"));
        assertEquals(Field.UNKNOWN, Field.ofLabel("名称"));
        assertEquals(Field.UNKNOWN, Field.ofLabel("依据"));
    }

    @Test
    void readsEachLevelWordOfTheListsAsItsCanonicalLevels() {
        assertEquals(List.of("市级"), LevelNames.canonical("地州市级", new LinkedHashSet<>()));
        assertEquals(List.of("市级"), LevelNames.canonical("地州市级；负责对外劳务合作经营资格初审", new LinkedHashSet<>()));
        assertEquals(List.of("省级", "市级", "县级"), LevelNames.canonical("自治区、盟、地、州、县级机构", new LinkedHashSet<>()));
        assertEquals(List.of("县级", "乡级"), LevelNames.canonical("县区级、镇级", new LinkedHashSet<>()));
        assertEquals(List.of("县级"), LevelNames.canonical("县（市、区）级", new LinkedHashSet<>()));
        assertEquals(List.of("省级", "县级"), LevelNames.canonical("自治区级\n县市区级", new LinkedHashSet<>()));
    }

    /** "市县两级", "市、县两级", "省市县三级": the levels before a count of levels, run together or not. */
    @Test
    void levelsCountedTogetherAreEachRead() {
        Set<String> unknown = new LinkedHashSet<>();
        assertEquals(List.of("市级", "县级"), LevelNames.canonical("市县两级", unknown));
        assertEquals(List.of("市级", "县级"), LevelNames.canonical("市、县两级", unknown));
        assertEquals(List.of("省级", "市级", "县级"), LevelNames.canonical("省市县三级", unknown));
        assertEquals(List.of("市级", "县级"), LevelNames.canonical("地州市、县市区两级", unknown));
        assertEquals(List.of("市级", "县级", "乡级"), LevelNames.canonical("市县乡三级", unknown));
        assertEquals(Set.of(), unknown);
        // A run that is not all level words stays unknown, as before.
        assertEquals(List.of(), LevelNames.canonical("片区两级", unknown));
        assertEquals(Set.of("片区两级"), unknown);
    }

    @Test
    void setsAsideALevelWordTheVocabularyLacksAndPassesOverProse() {
        Set<String> unknown = new LinkedHashSet<>();
        assertEquals(List.of("市级"), LevelNames.canonical("市级、片区级、负责本行政区域内的监督检查", unknown));
        assertEquals(Set.of("片区级"), unknown);
    }

    @Test
    void remarksALevelWordTheVocabularyLacksWithItsFileAndRow() {
        Ingester.FileResult r = new Ingester(SourceCatalog.empty()).ingest("list.txt",
                "序号\t权力名称\t权力类型\t行使层级\n1\t对某行为的检查\t行政检查\t片区级\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), r.records().getFirst().levels());
        assertEquals(List.of("list.txt line 2: the level word 片区级 is not in the level vocabulary (levels.tsv); it names no canonical level"),
                r.remarks().stream().map(Object::toString).toList());
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = HeaderNames.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
