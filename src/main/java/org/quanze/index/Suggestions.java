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
     * The embedded suggester and the cluster's suggestion index are both built from it.
     */
    public static final class Tally {
        private final Map<String, long[]> names = new LinkedHashMap<>();
        /** The first item of each name: the one to open when no other item shares the name. */
        private final Map<String, String> firstItem = new java.util.HashMap<>();
        private final Map<String, long[]> laws = new LinkedHashMap<>();

        public void add(PowerRecord r) {
            if (PowerRecord.POWER.equals(r.kind()) && r.name() != null) {
                names.computeIfAbsent(r.name(), k -> new long[1])[0]++;
                firstItem.putIfAbsent(r.name(), r.id());
            }
            for (Statute s : r.statutes()) {
                if (Statute.BASIS.equals(s.role())) laws.computeIfAbsent(s.law(), k -> new long[1])[0]++;
            }
        }

        /**
         * Every name, then every law, weighed by how many items have it; a name's {@code item} is
         * its one item's id, or null when several items share it.
         */
        public List<Completion> completions() {
            List<Completion> out = new ArrayList<>(names.size() + laws.size());
            names.forEach((k, v) -> out.add(new Completion(new Suggestion(k, NAME, v[0] == 1 ? firstItem.get(k) : null), v[0])));
            laws.forEach((k, v) -> out.add(new Completion(new Suggestion(k, STATUTE), v[0])));
            return out;
        }
    }

    /** A suggestion to index, with its weight (how many items have it). */
    public record Completion(Suggestion suggestion, long weight) {}

    static void build(Path dir, Tally tally) throws IOException {
        try (AnalyzingInfixSuggester s = open(dir)) {
            s.build(new Entries(tally.completions().iterator()));
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

    /** The completions as the suggester reads them: the payload is the kind, and a name's single item after a separator. */
    private static final class Entries implements InputIterator {
        private final Iterator<Completion> it;
        private Completion cur;

        Entries(Iterator<Completion> it) { this.it = it; }

        @Override public BytesRef next() {
            if (!it.hasNext()) return null;
            cur = it.next();
            return new BytesRef(cur.suggestion().text());
        }
        @Override public long weight() { return cur.weight(); }
        @Override public BytesRef payload() {
            Suggestion x = cur.suggestion();
            String payload = x.item() == null ? x.kind() : x.kind() + ITEM_SEPARATOR + x.item();
            return new BytesRef(payload.getBytes(StandardCharsets.UTF_8));
        }
        @Override public boolean hasPayloads() { return true; }
        @Override public Set<BytesRef> contexts() { return null; }
        @Override public boolean hasContexts() { return false; }
    }
}
