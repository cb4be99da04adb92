package org.quanze.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.quanze.index.Schema;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/** From index documents to the records and hits the API returns. */
final class Hits {

    private Hits() {}

    /** The full record stored with the document. */
    static PowerRecord record(IndexSearcher s, int doc) throws IOException {
        Document d = s.storedFields().document(doc, Set.of(Schema.RECORD));
        return Json.readRecord(d.get(Schema.RECORD));
    }
}
