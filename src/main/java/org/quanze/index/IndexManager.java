package org.quanze.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the current generation and swaps in a new one atomically, in the manner of Lucene's
 * SearcherManager but across generation folders: acquire, search, release; the old generation
 * closes when its last search releases it.
 */
public final class IndexManager implements AutoCloseable {

    private final AtomicReference<IndexHandle> current = new AtomicReference<>();

    public IndexManager(IndexHandle initial) {
        current.set(initial);
    }

    public IndexHandle acquire() {
        while (true) {
            IndexHandle h = current.get();
            if (h == null) throw new IllegalStateException("the index is closed");
            if (h.tryIncRef()) return h;
        }
    }

    public void release(IndexHandle h) {
        try {
            h.decRef();
        } catch (IOException e) {
            // A failed close of a retired reader must not fail the request that released it.
        }
    }

    /** Opens the generation and makes it current; searches in flight finish on the old one. */
    public void swapTo(Path generation) throws IOException {
        swapTo(IndexHandle.open(generation));
    }

    /** Makes an opened handle current; this step cannot fail, so callers open first, then commit. */
    public void swapTo(IndexHandle next) {
        IndexHandle old = current.getAndSet(next);
        if (old != null) release(old);
    }

    public Path currentPath() {
        return current.get().path();
    }

    @Override
    public void close() throws IOException {
        IndexHandle old = current.getAndSet(null);
        if (old != null) old.decRef();
    }
}
