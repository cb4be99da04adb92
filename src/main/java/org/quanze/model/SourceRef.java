package org.quanze.model;

import java.util.List;

/**
 * Where a record comes from: the source id (file name without extension), the file name, the
 * list's title, and what the list says of itself (see {@code ingest.ListIdentity}): the department
 * that issued it, the region it applies to, the evidence for both, and how many of its items give
 * a phone number. Unknowns are null (0 items with a phone: the list publishes none).
 */
public record SourceRef(String id, String file, String title, String authority, String region, List<String> evidence,
                        int itemsWithPhone) {

    public SourceRef {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A list known only by its file: nothing said of its authority or region. */
    public SourceRef(String id, String file, String title) {
        this(id, file, title, null, null, List.of(), 0);
    }
}
