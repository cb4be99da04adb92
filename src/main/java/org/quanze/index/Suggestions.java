package org.quanze.index;

import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completions from power names and statute names. An infix suggester over CJK bigrams: any part
 * of a name completes it (救助 → 医疗救助对象确认), and the last typed token matches as a prefix.
 * It lives in its own small index beside the generation it was built with.
 */
public final class Suggestions {

    public static final String NAME = "name";
    public static final String STATUTE = "statute";

    /**
     * One completion. {@code item} is the id of the one item a name belongs to, so that picking the
     * name can open that item; null for a law, and for a name several items share (in several lists).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Suggestion(String text, String kind, String item) {
        public Suggestion(String text, String kind) {
            this(text, kind, null);
        }
    }

    /** Separates a name from its single item's id in the payload. */
    private static final char ITEM_SEPARATOR = '\u001f';

    private Suggestions() {}

    /**
     * Counts of names and laws, added to record by record while the index is written, so the
     * records need not be held in memory for a second pass. Not thread-safe: callers serialise.
     */
    static final class Tally {
        private final Map<String, long[]> names = new LinkedHashMap<>();
        /** The first item of each name: the one to open when no other item shares the name. */
        private final Map<String, String> firstItem = new java.util.HashMap<>();
        private final Map<String, long[]> laws = new LinkedHashMap<>();

        void add(PowerRecord r) {
            if (PowerRecord.POWER.equals(r.kind()) && r.name() != null) {
                names.computeIfAbsent(r.name(), k -> new long[1])[0]++;
                firstItem.putIfAbsent(r.name(), r.id());
            }
            for (Statute s : r.statutes()) {
                if (Statute.BASIS.equals(s.role())) laws.computeIfAbsent(s.law(), k -> new long[1])[0]++;
            }
        }
    }

    static void build(Path dir, Tally tally) throws IOException {
        List<Object[]> entries = new ArrayList<>();
        // Statutes weigh their item count; names, shorter first, rank among themselves by count.
        tally.names.forEach((k, v) -> entries.add(new Object[] {k, v[0],
                v[0] == 1 ? NAME + ITEM_SEPARATOR + tally.firstItem.get(k) : NAME}));
        tally.laws.forEach((k, v) -> entries.add(new Object[] {k, v[0], STATUTE}));
        try (AnalyzingInfixSuggester s = open(dir)) {
            s.build(new Entries(entries.iterator()));
            s.commit();
        }
    }

    static AnalyzingInfixSuggester open(Path dir) throws IOException {
        return new AnalyzingInfixSuggester(FSDirectory.open(dir), Analyzers.bigrams(), Analyzers.bigrams(),
                1, true);
    }

    static List<Suggestion> lookup(AnalyzingInfixSuggester s, String q, int n) throws IOException {
        List<Suggestion> out = new ArrayList<>();
        if (s.getCount() == 0) return out;
        for (Lookup.LookupResult r : s.lookup(q, (Set<BytesRef>) null, n, true, false)) {
            String payload = r.payload.utf8ToString();
            int sep = payload.indexOf(ITEM_SEPARATOR);
            out.add(sep < 0 ? new Suggestion(r.key.toString(), payload)
                    : new Suggestion(r.key.toString(), payload.substring(0, sep), payload.substring(sep + 1)));
        }
        return out;
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Object[]> it;
        private Object[] cur;

        Entries(Iterator<Object[]> it) { this.it = it; }

        @Override public BytesRef next() {
            if (!it.hasNext()) return null;
            cur = it.next();
            return new BytesRef((String) cur[0]);
        }
        @Override public long weight() { return (Long) cur[1]; }
        @Override public BytesRef payload() { return new BytesRef(((String) cur[2]).getBytes(StandardCharsets.UTF_8)); }
        @Override public boolean hasPayloads() { return true; }
        @Override public Set<BytesRef> contexts() { return null; }
        @Override public boolean hasContexts() { return false; }
    }
}
