package org.quanze.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secret that unlocks the admin endpoints. Only its SHA-256 digest is kept, and a presented
 * token is compared digest to digest with {@link MessageDigest#isEqual}, which takes the same
 * time wherever the bytes differ; hashing first also hides the token's length.
 */
public final class AdminToken {

    /** The environment variable read when no token file is given. */
    public static final String ENV = "QUANZE_ADMIN_TOKEN";
    /** Shorter tokens are refused at start-up: they could be guessed. */
    public static final int MIN_CHARS = 16;

    private final byte[] digest;

    private AdminToken(String token) {
        this.digest = sha256(token);
    }

    /** @throws IllegalArgumentException when the token is too short or holds blanks or control characters */
    public static AdminToken of(String token) {
        String t = token == null ? "" : token.strip();
        if (t.length() < MIN_CHARS) {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_CHARS + " characters long");
        }
        if (t.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("the admin token must not contain blanks or control characters");
        }
        return new AdminToken(t);
    }

    /** The first line of the file, trimmed. */
    public static AdminToken fromFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        try {
            return of(nl < 0 ? text : text.substring(0, nl));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** From the file when one is given, else from {@value #ENV}; null when neither is set. */
    public static AdminToken configured(Path file, String envValue) throws IOException {
        if (file != null) return fromFile(file);
        if (envValue != null && !envValue.isBlank()) return of(envValue);
        return null;
    }

    /** Whether an {@code Authorization} header carries this token as a Bearer token. */
    public boolean accepts(String authorization) {
        String presented = "";
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7).strip();
        }
        // Compared even when nothing was presented, so a missing header costs the same time.
        return MessageDigest.isEqual(digest, sha256(presented)) && !presented.isEmpty();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
