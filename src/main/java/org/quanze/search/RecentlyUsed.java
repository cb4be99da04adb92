package org.quanze.search;

import java.util.LinkedHashMap;
import java.util.Map;

/** The values of the most recently used keys, at most {@code capacity} of them; safe to share between threads. */
final class RecentlyUsed<K, V> {

    private final Map<K, V> values;

    RecentlyUsed(int capacity) {
        this.values = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(K key) {
        return values.get(key);
    }

    synchronized void put(K key, V value) {
        values.put(key, value);
    }
}
