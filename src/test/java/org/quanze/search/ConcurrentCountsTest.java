package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.Engine;
import org.quanze.TestData;
import org.quanze.model.Json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Found by the soak: /api/statutes answered 500 (read past EOF, garbage law names such as
 * "䥅³于公布…") when requests shared one whole-index Facets object, whose doc-values iterators are
 * not thread-safe. Many threads now ask for the counts, the laws and faceted searches at once,
 * on fresh generations, and all must see exactly what one thread sees alone.
 */
class ConcurrentCountsTest {

    static final int THREADS = 8;
    static final int ROUNDS = 150;

    @TempDir
    Path tmp;

    @Test
    void countsAndStatuteFacetsAreTheSameUnderConcurrency() throws Exception {
        try (Engine engine = Engine.open(TestData.copy(tmp), true, TestData.QUIET)) {
            String expected;
            String expectedSearch;
            try (Engine alone = Engine.open(TestData.copy(tmp.resolve("alone")), true, TestData.QUIET)) {
                expected = Json.write(alone.search().counts());
                expectedSearch = Json.write(alone.search().search(new SearchRequest("医疗", Map.of("statute", List.of("社会保险法")),
                        1, 10, SearchRequest.RELEVANCE, false)).facets());
            }
            for (int generation = 0; generation < 3; generation++) {
                if (generation > 0) engine.reindex(); // a fresh handle: nothing derived yet, all threads race to it
                CountDownLatch go = new CountDownLatch(1);
                ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int id = t;
                    threads.add(Thread.ofPlatform().start(() -> {
                        try {
                            go.await();
                            for (int i = 0; i < ROUNDS; i++) {
                                if ((i + id) % 2 == 0) {
                                    String got = Json.write(engine.search().counts());
                                    if (!got.equals(expected)) failures.add("counts differ");
                                } else {
                                    String got = Json.write(engine.search().search(new SearchRequest("医疗",
                                            Map.of("statute", List.of("社会保险法")), 1, 10, SearchRequest.RELEVANCE, false)).facets());
                                    if (!got.equals(expectedSearch)) failures.add("search facets differ");
                                }
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }));
                }
                go.countDown();
                for (Thread t : threads) t.join();
                assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(5, failures.size())), "generation " + generation);
            }
        }
    }
}
