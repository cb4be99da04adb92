package org.quanze.ingest;

import org.quanze.model.SourceRef;

import java.util.List;

/**
 * What we know of a source list beyond its rows, from the editable {@code sources.json} beside
 * the lists and from the document's own heading. Nothing here is guessed: an unknown stays null.
 *
 * @param id            the file name without extension; the stable source key
 * @param file          the file name
 * @param title         the list's title (its own heading, unless sources.json sets one)
 * @param authority     the issuing department, where known
 * @param region        the region the list covers, where known
 * @param date          the date the list states, where known
 * @param defaultLevels the administrative levels for items whose row states none
 * @param identity      the authority and region the list's content shows, with evidence; null until read
 */
public record SourceMeta(String id, String file, String title, String authority, String region,
                         String date, List<String> defaultLevels, ListIdentity identity) {

    public SourceMeta {
        defaultLevels = defaultLevels == null ? List.of() : List.copyOf(defaultLevels);
    }

    public SourceMeta withTitle(String t) {
        return new SourceMeta(id, file, t, authority, region, date, defaultLevels, identity);
    }

    public SourceMeta withIdentity(ListIdentity i) {
        return new SourceMeta(id, file, title, authority, region, date, defaultLevels, i);
    }

    /** The reference every record of the list carries. */
    public SourceRef ref() {
        return identity == null ? new SourceRef(id, file, title)
                : new SourceRef(id, file, title, identity.authority(), identity.region(), identity.evidence(), identity.itemsWithPhone());
    }
}
