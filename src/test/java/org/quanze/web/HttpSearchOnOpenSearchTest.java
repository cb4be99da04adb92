package org.quanze.web;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every test of {@link HttpSearchTest}, with the same expected answers, against
 * {@code serve --backend opensearch}: the bundled lists in a real OpenSearch node.
 */
class HttpSearchOnOpenSearchTest extends HttpSearchTest {

    /** Hides the embedded server's start: JUnit runs this one instead. */
    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.startCluster(data);
    }
}
