package org.quanze.web;

import org.quanze.search.SearchRequest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers to recent searches, as sent, for the generation that answered them: the same
 * question asked again (the page's back button, a shared link, the questions everybody asks)
 * costs a lookup instead of a search. Bounded by the bytes it holds, least recently used out
 * first; a new generation empties it, so an answer never outlives the index it came from.
 */
final class AnswerCache {

    /** The default bound: a few thousand typical answers (4–8 KB each). */
    static final long DEFAULT_BYTES = 16L << 20;

    private final long maxBytes;
    private final LinkedHashMap<SearchRequest, byte[]> answers = new LinkedHashMap<>(256, 0.75f, true);
    private String generation;
    private long bytes;

    /** @param maxBytes the most the answers may hold; 0 keeps none */
    AnswerCache(long maxBytes) {
        if (maxBytes < 0) throw new IllegalArgumentException("the answer cache's size must be 0 or more bytes, not " + maxBytes);
        this.maxBytes = maxBytes;
    }

    /** The answer sent for this request on this generation, or null. */
    synchronized byte[] get(String generation, SearchRequest request) {
        return generation.equals(this.generation) ? answers.get(request) : null;
    }

    /** Keeps an answer the generation gave, dropping the least recently used ones to stay in bounds. */
    synchronized void put(String generation, SearchRequest request, byte[] answer) {
        if (answer.length > maxBytes / 8) return; // one answer never crowds out most of the others
        if (!generation.equals(this.generation)) {
            answers.clear();
            bytes = 0;
            this.generation = generation;
        }
        byte[] earlier = answers.put(request, answer);
        bytes += answer.length - (earlier == null ? 0 : earlier.length);
        for (Iterator<Map.Entry<SearchRequest, byte[]>> it = answers.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    synchronized int size() {
        return answers.size();
    }
}
