package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quanze.testing.BundledData.S002;
import static org.quanze.testing.BundledData.S004;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quanze.testing.BundledData;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

/** Properties that hold for every record of the bundled lists: plain text, aligned columns, stable ids. */
class BundledListsCleanTextTest {

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");

    private static List<PowerRecord> records;

    @BeforeAll
    static void ingestTheBundledLists() {
        records = BundledData.ingest().records();
    }

    private static List<PowerRecord> of(String source) {
        return records.stream().filter(r -> r.source().id().equals(source)).toList();
    }

    @Test
    void noFieldOfAnyRecordHoldsAnHtmlTag() {
        List<String> found = new ArrayList<>();
        for (PowerRecord r : records) collectTags(r.id(), Json.MAPPER.valueToTree(r), found);
        assertEquals(List.of(), found);
    }

    private static void collectTags(String where, JsonNode n, List<String> found) {
        if (n.isTextual()) {
            var m = TAG.matcher(n.asText());
            if (m.find()) found.add(where + ": " + m.group());
        }
        n.properties().forEach(e -> collectTags(where + "." + e.getKey(), e.getValue(), found));
        for (int i = 0; n.isArray() && i < n.size(); i++) collectTags(where + "[" + i + "]", n.get(i), found);
    }

    @Test
    void everyAccountabilityIn002StartsWithTheFailingToPerformClause() {
        List<PowerRecord> list = of(S002);
        assertEquals(18, list.size());
        for (PowerRecord r : list) {
            assertTrue(r.accountability() != null && r.accountability().startsWith("因不履行或不正确履行"),
                    r.id() + ": " + r.accountability());
        }
    }

    @Test
    void noAccountablePartiesIn002HoldStatuteText() {
        for (PowerRecord r : of(S002)) {
            String p = r.accountableParties() == null ? "" : r.accountableParties();
            assertTrue(!p.contains("《") && !p.contains("【"), r.id() + ": " + p);
        }
    }

    @Test
    void givesTheTownshipLevelToExactlyTheSevenItemsOf004ListedForCountiesAndTowns() {
        List<String> township = records.stream().filter(r -> r.levels().contains("乡级")).map(PowerRecord::id).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 7; i++) expected.add(S004 + "-" + i);
        assertEquals(expected, township);
        for (String id : expected) {
            PowerRecord r = BundledData.find(records, id);
            assertEquals("县区级、镇级", r.levelRaw(), id);
            assertEquals(List.of("县级", "乡级"), r.levels(), id);
        }
    }

    @Test
    void givesEveryRecordAnIdOfItsOwn() {
        assertEquals(records.size(), records.stream().map(PowerRecord::id).distinct().count());
    }

    @Test
    void givesTheSameIdsAndRecordsOnASecondIngest() {
        List<PowerRecord> again = BundledData.ingest().records();
        assertEquals(records.stream().map(PowerRecord::id).toList(), again.stream().map(PowerRecord::id).toList());
        assertEquals(records, again);
    }

    @Test
    void mapsEveryPowerToOneOfTheTenStandardTypes() {
        List<String> standard = List.of("行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认",
                "行政奖励", "行政裁决", "其他行政权力");
        for (PowerRecord r : records) {
            if (r.kind().equals(PowerRecord.POWER)) assertTrue(standard.contains(r.powerType()), r.id() + ": " + r.powerType());
        }
    }
}
