package org.quanze.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data DIR} option every command shares. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "index-data",
            description = "Data folder holding sources/, sources.json, synonyms.txt and the index (default: ${DEFAULT-VALUE}).")
    public Path dir;
}
