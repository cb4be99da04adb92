package org.quanze.cli;

import org.quanze.opensearch.OpenSearchBackend;
import org.quanze.opensearch.OpenSearchClient;
import org.quanze.statute.LawLibrary;
import picocli.CommandLine.Option;

import java.io.IOException;

/** Where the index lives: the embedded Lucene index in the data folder, or an OpenSearch cluster. */
public final class BackendOptions {

    public enum Backend { embedded, opensearch }

    @Option(names = "--backend", defaultValue = "embedded",
            description = "embedded (the Lucene index in the data folder, the default) or opensearch (a cluster at --opensearch-url).")
    public Backend backend;

    @Option(names = "--opensearch-url", paramLabel = "URL",
            description = "The cluster's HTTP address(es), comma-separated, e.g. http://127.0.0.1:9200 (with --backend opensearch).")
    public String url;

    @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = "quanze",
            description = "The alias that names the current generation in the cluster (default ${DEFAULT-VALUE}); generations are NAME-gen-N.")
    public String alias;

    public boolean cluster() {
        return backend == Backend.opensearch;
    }

    /** The cluster's client; says what is missing when no URL was given. */
    public OpenSearchClient client() {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("--backend opensearch needs --opensearch-url URL");
        if (!alias.matches("[a-z0-9][a-z0-9_-]{0,100}")) {
            throw new IllegalArgumentException("--opensearch-index must be lower-case letters, digits, _ or -, not '" + alias + "'");
        }
        return new OpenSearchClient(url);
    }

    /** The cluster's current index, its statute pages quoting {@code laws}. */
    public OpenSearchBackend open(LawLibrary laws) throws IOException {
        OpenSearchClient c = client();
        try {
            return new OpenSearchBackend(c, alias, laws);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
