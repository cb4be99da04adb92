package org.quanze.web;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link HttpDetailTest} (items and related items, statutes, suggestions, health,
 * stats), with the same expected answers, against {@code serve --backend opensearch}.
 */
class HttpDetailOnOpenSearchTest extends HttpDetailTest {

    /** Hides the embedded server's start: JUnit runs this one instead. */
    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.startCluster(data);
    }
}
