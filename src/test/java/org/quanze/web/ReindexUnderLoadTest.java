package org.quanze.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quanze.TestData;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Twenty reindexes in a row while four threads search without pause. The sources alternate
 * between two states (with and without the 001 list), so every answer must be exactly the old
 * corpus's or the new one's: its total, and a source facet that agrees with that total.
 */
class ReindexUnderLoadTest {

    static final int REINDEXES = 20;
    static final int SEARCHERS = 4;
    static final List<String> QUERIES = List.of("", "医疗", "行政处罚", "\"医疗保障\"", "社会保险法 第八十六条", "监督检查 -处罚");

    @TempDir
    Path tmp;

    /** The answer's total and the number of distinct sources in its source facet. */
    record Shape(long total, int sources, long sourceSum) {}

    static Shape shape(JsonNode body) {
        long sum = 0;
        int n = 0;
        for (JsonNode v : body.get("facets").get("source")) {
            sum += v.get("count").asLong();
            n++;
        }
        return new Shape(body.get("total").asLong(), n, sum);
    }

    static String path(String q) {
        return "/api/search?size=5&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    @Test
    void noSearchFailsAndEveryAnswerIsTheOldOrTheNewCorpus() throws Exception {
        try (LiveServer server = LiveServer.start(tmp, true, List.of())) {
            Path list001 = TestData.bundledSource("001_").getFileName();
            Path inSources = server.data.resolve("sources").resolve(list001);
            Path aside = Files.createDirectories(tmp.resolve("aside")).resolve(list001);

            // The two states' answers, measured once each, before any load.
            Map<String, Shape> full = new HashMap<>(), without = new HashMap<>();
            for (String q : QUERIES) full.put(q, shape(LiveServer.json(server.get(path(q)))));
            Files.move(inSources, aside, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(200, server.admin("POST", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody()).statusCode());
            for (String q : QUERIES) without.put(q, shape(LiveServer.json(server.get(path(q)))));
            assertNotEquals(full.get(""), without.get(""), "the two states must be told apart");
            assertEquals(TestData.POWERS, full.get("").total());

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger searches = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            Set<Long> seenTotals = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < SEARCHERS; t++) {
                int offset = t;
                threads.add(Thread.ofPlatform().name("searcher-" + t).start(() -> {
                    for (int i = offset; !stop.get(); i++) {
                        String q = QUERIES.get(i % QUERIES.size());
                        try {
                            HttpResponse<String> r = server.get(path(q));
                            if (r.statusCode() != 200) {
                                failures.add(q + " → " + r.statusCode() + " " + r.body());
                                continue;
                            }
                            Shape s = shape(LiveServer.json(r));
                            if (!s.equals(full.get(q)) && !s.equals(without.get(q))) {
                                failures.add(q + " → " + s + ", neither " + full.get(q) + " nor " + without.get(q));
                            }
                            if (s.total() != s.sourceSum()) failures.add(q + " → facet counts disagree with the total: " + s);
                            if (q.isEmpty()) seenTotals.add(s.total());
                            searches.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(q + " → " + e);
                        }
                    }
                }));
            }
            Set<String> generations = new HashSet<>();
            for (int i = 0; i < REINDEXES; i++) {
                if (Files.exists(aside)) Files.move(aside, inSources, StandardCopyOption.ATOMIC_MOVE);
                else Files.move(inSources, aside, StandardCopyOption.ATOMIC_MOVE);
                HttpResponse<String> r = server.admin("POST", "/api/admin/reindex", HttpRequest.BodyPublishers.noBody());
                assertEquals(200, r.statusCode(), r.body());
                generations.add(LiveServer.json(r).get("generation").asText());
                // Let searches run on each state, not only on swaps.
                Thread.sleep(100);
            }
            stop.set(true);
            for (Thread t : threads) t.join();

            assertEquals(List.of(), new ArrayList<>(failures), "failed or inconsistent searches");
            assertEquals(REINDEXES, generations.size(), "each reindex swapped in a new generation");
            assertEquals(Set.of(full.get("").total(), without.get("").total()), seenTotals, "both states were searched");
            assertTrue(searches.get() > REINDEXES * SEARCHERS, "searches ran throughout: " + searches.get());
            System.out.println("ReindexUnderLoadTest: " + searches.get() + " searches, 0 failed, across " + REINDEXES + " reindexes");
            try (var s = Files.list(server.data.resolve("index"))) {
                long gens = s.filter(p -> p.getFileName().toString().startsWith("gen-")).count();
                assertTrue(gens <= 2, "old generations are pruned: " + gens);
            }
        }
    }
}
