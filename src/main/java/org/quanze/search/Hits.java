package org.quanze.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** From index documents to the records and hits the API returns. */
final class Hits {

    private Hits() {}

    /** The full record stored with the document. */
    static PowerRecord record(IndexSearcher s, int doc) throws IOException {
        Document d = s.storedFields().document(doc, Set.of(Schema.RECORD));
        return Json.readRecord(d.get(Schema.RECORD));
    }

    /**
     * The records of one generation's recently shown items, parsed once: reading a page's ten
     * records (decompressing their stored block, then parsing the JSON) was a sixth of a search on
     * the bundled lists, and the items people are shown repeat. Direct-mapped by document number,
     * so it is bounded, needs no lock and no eviction order; a record is immutable, so one
     * instance serves every request of the generation.
     */
    static final class Recent {
        static final int SLOTS = 4096;

        private record Entry(int doc, PowerRecord record) {}

        private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

        PowerRecord record(IndexSearcher s, int doc) throws IOException {
            int slot = doc & (SLOTS - 1);
            Entry e = slots.get(slot);
            if (e != null && e.doc() == doc) return e.record();
            PowerRecord r = Hits.record(s, doc);
            slots.set(slot, new Entry(doc, r));
            return r;
        }
    }
}
