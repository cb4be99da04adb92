package org.quanze.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The vocabularies shipped in the jar (header names, levels, law names, measure words, area codes), read as UTF-8 text. */
public final class ResourceText {

    private ResourceText() {}

    /**
     * Every line of the resource, resolved as {@link Class#getResourceAsStream} does for
     * {@code owner}; a missing one is a broken build, said as one.
     */
    public static List<String> lines(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the class path");
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
