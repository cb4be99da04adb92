package org.quanze.search;

import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.quanze.index.IndexHandle;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/** One generation of the embedded index as the planner reads it: the reader's own statistics. */
record LuceneGeneration(IndexHandle handle) implements Generation {

    @Override
    public String name() {
        return handle.path().getFileName().toString();
    }

    @Override
    public int items() {
        return handle.reader().maxDoc();
    }

    @Override
    public int docFreq(Term term) {
        try {
            return handle.reader().docFreq(term);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int count(Query query) {
        try {
            return new IndexSearcher(handle.reader()).count(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean matchesMoreThan(Query query, long limit) {
        try {
            return MatchesMoreThan.test(handle.reader(), query, limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> values(Query query, String field, int max) {
        try {
            return KeywordValues.of(handle.reader(), query, field, max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<String> terms(String field, String prefix) {
        try {
            Set<String> all = new HashSet<>();
            Terms terms = MultiTerms.getTerms(handle.reader(), field);
            if (terms != null) {
                TermsEnum te = terms.iterator();
                BytesRef start = new BytesRef(prefix);
                if (te.seekCeil(start) != TermsEnum.SeekStatus.END) {
                    for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, start); t = te.next()) {
                        all.add(t.utf8ToString());
                    }
                }
            }
            return Collections.unmodifiableSet(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stored with the generation when it was built (see {@code Engine}). */
    @Override
    public LawLibrary laws() {
        return handle.derived("laws", h -> {
            try {
                return LawLibrary.read(h.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public <T> T derived(String key, Supplier<T> compute) {
        return handle.derived(key, h -> compute.get());
    }
}
