package org.quanze.model;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Values computed once per key and then shared between threads: what an index generation, a
 * cluster generation or a question's plan derives from itself (facet counts, plans, weights).
 * Not {@code computeIfAbsent}: a computation may itself ask for another derived value, which
 * computeIfAbsent forbids; two threads may rarely compute the same value, and the first one
 * stored wins, so a value must be safe to compute twice and to share (immutable, or
 * thread-safe).
 */
public final class Derived {

    /** A computation that may fail with {@code E}. */
    @FunctionalInterface
    public interface Compute<T, E extends Exception> {
        T compute() throws E;
    }

    private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <T, E extends Exception> T get(Object key, Compute<T, E> compute) throws E {
        Object v = values.get(key);
        if (v == null) {
            v = compute.compute();
            Object earlier = values.putIfAbsent(key, v);
            if (earlier != null) v = earlier;
        }
        return (T) v;
    }

    /** The value computed under {@code key}, or null where none is yet. */
    @SuppressWarnings("unchecked")
    public <T> T peek(Object key) {
        return (T) values.get(key);
    }
}
