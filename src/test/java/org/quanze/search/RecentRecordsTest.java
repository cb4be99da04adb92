package org.quanze.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.SourceRef;
import org.quanze.model.Statute;
import org.quanze.model.Step;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The recently shown records of a generation: a record read again is the same instance, and two
 * items that share a slot (documents 4,096 apart) each get their own record, however they alternate.
 */
class RecentRecordsTest {

    @Test
    void itemsSharingASlotEachGetTheirOwnRecord() throws IOException {
        int items = Hits.Recent.SLOTS + 2;
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < items; i++) {
                    Document d = new Document();
                    d.add(new StoredField(Schema.RECORD, Json.write(record(i))));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher s = new IndexSearcher(reader);
                Hits.Recent recent = new Hits.Recent();
                PowerRecord first = recent.record(s, 1);
                assertEquals("s-1", first.id());
                assertSame(first, recent.record(s, 1));
                for (int round = 0; round < 3; round++) {
                    assertEquals("s-" + (1 + Hits.Recent.SLOTS), recent.record(s, 1 + Hits.Recent.SLOTS).id());
                    assertEquals("s-1", recent.record(s, 1).id());
                    assertEquals("名称 1", recent.record(s, 1).name());
                }
                assertEquals("s-0", recent.record(s, 0).id());
                assertEquals(List.of("科室 4096"), recent.record(s, Hits.Recent.SLOTS).units());
            }
        }
    }

    private static PowerRecord record(int i) {
        var source = new SourceRef("s", "s.txt", "t", "a", "r", List.of(), 1);
        return new PowerRecord("s-" + i, PowerRecord.POWER, source, String.valueOf(i), "t", "行政处罚", "行政处罚", "名称 " + i, null,
                "机关", List.of("科室 " + i), List.of("市级"), "市级", "依据", List.of(new Step("受理", "责任")), "问责依据",
                "责任人", "追责", "免责", "监督", "条件", "时限", "地点", "备注", "职责",
                List.of(new Statute("社会保险法", 86, Statute.BASIS)), List.of("12345"));
    }
}
