package org.quanze.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The editable metadata of the source lists ({@code sources.json} beside the {@code sources}
 * folder): per file name, its title, issuing authority, region, date and default level. A missing
 * file or entry means "nothing known", never an error.
 */
public final class SourceCatalog {

    private final Map<String, JsonNode> entries;

    private SourceCatalog(Map<String, JsonNode> entries) {
        this.entries = entries;
    }

    public static SourceCatalog empty() {
        return new SourceCatalog(Map.of());
    }

    public static SourceCatalog load(Path json) throws IOException {
        if (!Files.isRegularFile(json)) return empty();
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new IOException(json.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
        Map<String, JsonNode> m = new HashMap<>();
        JsonNode sources = root.path("sources");
        sources.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
        return new SourceCatalog(m);
    }

    /** The metadata for a file, with {@code heading} as title unless the catalog sets one. */
    public SourceMeta meta(String fileName, String heading) {
        String id = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        JsonNode e = entries.get(fileName);
        if (e == null) e = sameList(id);
        if (e == null) return new SourceMeta(id, fileName, heading, null, null, null, List.of(), null);
        List<String> levels = new ArrayList<>();
        e.path("defaultLevels").forEach(n -> levels.add(n.asText()));
        String title = text(e, "title");
        return new SourceMeta(id, fileName, title != null ? title : heading, text(e, "authority"),
                text(e, "region"), text(e, "date"), Normaliser.levels(String.join("、", levels)), null);
    }

    /**
     * The entry of the same list under another format's name: an office that replaces
     * 000_x.txt with 000_x.xlsx keeps its metadata (the source id, the name without extension,
     * is the same too). Only when exactly one entry has that id, so nothing is guessed.
     */
    private JsonNode sameList(String id) {
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> en : entries.entrySet()) {
            String k = en.getKey();
            if (!(k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : k).equals(id)) continue;
            if (found != null) return null;
            found = en.getValue();
        }
        return found;
    }

    private static String text(JsonNode e, String field) {
        JsonNode n = e.get(field);
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }
}
