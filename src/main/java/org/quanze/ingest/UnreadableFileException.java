package org.quanze.ingest;

/** A file that cannot be turned into a grid at all; the message names the file and the reason. */
public final class UnreadableFileException extends Exception {
    private final String file;
    private final String reason;

    public UnreadableFileException(String file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public String file() { return file; }

    public String reason() { return reason; }
}
