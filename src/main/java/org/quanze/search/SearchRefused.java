package org.quanze.search;

import java.io.IOException;

/**
 * A search the service declines rather than runs: the query expands to more clauses than allowed,
 * it ran past the time limit, or the server is too busy to start it in time. An {@link IOException} so every caller of search already handles
 * it; never an unchecked exception escaping to the user.
 */
public final class SearchRefused extends IOException {

    /** Why: the caller answers a too-complex query as the user's to fix, a timeout or a crowd as the server's. */
    public enum Reason { TOO_COMPLEX, TIMED_OUT, BUSY }

    private final Reason reason;

    public SearchRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
