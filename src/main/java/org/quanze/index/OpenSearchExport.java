package org.quanze.index;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.opensearch.OpenSearchSchema;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * The index as files an OpenSearch cluster loads: the mapping and bulk NDJSON, one action line
 * and one document line per record. Both are {@link OpenSearchSchema}'s, the same that
 * {@code ingest --backend opensearch} sends: documents derived from the embedded index's own
 * documents, text as its analysed tokens (docs/SCALING.md).
 */
public final class OpenSearchExport {

    private OpenSearchExport() {}

    /** The body of {@code PUT /INDEX}: one shard, no replica (change both to suit the cluster). */
    public static ObjectNode mapping() {
        return OpenSearchSchema.mapping(1, 0);
    }

    /** Writes one action line and one document line per record. */
    public static long bulk(Iterable<PowerRecord> records, Function<PowerRecord, List<String>> articles, String index, Writer out)
            throws IOException {
        long n = 0;
        for (PowerRecord r : records) {
            ObjectNode action = Json.MAPPER.createObjectNode();
            action.putObject("index").put("_index", index).put("_id", r.id());
            out.write(Json.MAPPER.writeValueAsString(action));
            out.write('\n');
            out.write(Json.MAPPER.writeValueAsString(OpenSearchSchema.document(r, n, articles.apply(r))));
            out.write('\n');
            n++;
        }
        return n;
    }
}
