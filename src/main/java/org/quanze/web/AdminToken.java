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

    /**
     * The first line of the file, trimmed, without the byte order mark Windows editors put first
     * (kept, it would be part of a token no one can type). A file that is missing, unreadable, not
     * UTF-8 or empty is refused with its path and the reason.
     */
    public static AdminToken fromFile(Path file) {
        String text;
        try {
            if (Files.isDirectory(file)) throw refused(file, "it is a folder, not a file");
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.file.NoSuchFileException e) {
            throw refused(file, "no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw refused(file, "permission denied (the server's user cannot read it)");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw refused(file, "it is not UTF-8 text");
        } catch (IOException e) {
            throw refused(file, "it cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        if (text.isBlank()) throw refused(file, "it is empty");
        if (first.isBlank()) throw refused(file, "its first line, which must hold the token, is empty");
        try {
            return of(first);
        } catch (IllegalArgumentException e) {
            throw refused(file, e.getMessage());
        }
    }

    private static IllegalArgumentException refused(Path file, String why) {
        return new IllegalArgumentException("admin token file " + file + ": " + why);
    }

    /** From the file when one is given, else from {@value #ENV}; null when neither is set. */
    public static AdminToken configured(Path file, String envValue) {
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
