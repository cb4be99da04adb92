package org.quanze.search;

import java.io.IOException;

/**
 * A search the service declines rather than runs: the query expands to more clauses than allowed,
 * or it ran past the time limit. An {@link IOException} so every caller of search already handles
 * it; never an unchecked exception escaping to the user.
 */
public final class SearchRefused extends IOException {

    /** Why: the caller answers a too-complex query as the user's to fix, a timeout as the server's. */
    public enum Reason { TOO_COMPLEX, TIMED_OUT }

    private final Reason reason;

    SearchRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
