package org.quanze.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.quanze.ingest.TextClean;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * A record as one line of JSON for the export, with every bidi control written as a \\u escape:
 * the data is kept, but a viewer of the file cannot be made to show text in another order.
 */
public final class JsonLines {

    private static final ObjectWriter WRITER = Json.MAPPER.writer().with(new BidiEscapes());

    private JsonLines() {}

    public static String line(PowerRecord r) {
        try {
            return WRITER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class BidiEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return TextClean.isBidiControl(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }
    }
}
