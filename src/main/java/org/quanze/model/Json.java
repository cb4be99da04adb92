package org.quanze.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;

/** The one JSON mapper: records to JSON for the index, the export and the API. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /**
     * Sets the mapper up on a thread of its own (its classes, and the reader of a record), which
     * a process's first search otherwise pays for inside its time limit: 0.3 s of a cold
     * command-line search.
     */
    public static void preload() {
        Thread t = new Thread(() -> readRecord("{}"), "quanze-json-preload");
        t.setDaemon(true);
        t.start();
    }

    public static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PowerRecord readRecord(String json) {
        try {
            return MAPPER.readValue(json, PowerRecord.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
