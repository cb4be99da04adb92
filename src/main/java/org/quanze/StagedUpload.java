package org.quanze;

import org.apache.lucene.util.IOUtils;
import org.quanze.index.IndexStore;
import org.quanze.model.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One list being added or replaced, crash-safe. Nothing enters {@code sources/} until the index
 * built with it is current:
 * <pre>
 * .staging/upload-…/journal.json   {"file": "清单.xlsx", "generation": null, then "gen-7"}
 * .staging/upload-…/sources/       the sources as they will be: links to the present files, the new one
 * </pre>
 * The generation is built from the staged {@code sources/}, so it is the sources as they will be;
 * the journal names it once it is complete, and then CURRENT is switched to it. The switch of
 * CURRENT (one atomic rename) is the commit point: only after it does the file move into the
 * sources, again by rename. At start, {@link #recover} reads each journal: if CURRENT names its
 * generation the upload was committed and the move is finished; otherwise it is rolled back,
 * which is only deleting its staging folder (the unfinished generation is pruned). Either way the
 * sources match the index served, and {@code .staging} is left empty.
 */
final class StagedUpload implements Engine.SourcesChange {

    private static final String JOURNAL = "journal.json";
    /** The mode of every stored list, whoever wrote it: readable by all, writable by the server. */
    private static final String STORED_MODE = "rw-r--r--";

    /** What the journal records; {@code generation} is null until the index built with the file is complete. */
    record Journal(String file, String generation) {}

    private final IndexStore store;
    private final String name;
    private final byte[] bytes;
    private Path txn;
    private boolean replaced;

    StagedUpload(IndexStore store, String name, byte[] bytes) {
        this.store = store;
        this.name = name;
        this.bytes = bytes;
    }

    /** Whether a list of the same name was in the sources when the upload was staged. */
    boolean replaced() {
        return replaced;
    }

    @Override
    public Path stage() throws IOException {
        txn = Files.createDirectories(store.stagingDir()).resolve("upload-" + UUID.randomUUID());
        Files.createDirectory(txn);
        writeJournal(txn, new Journal(name, null));
        Path view = Files.createDirectory(txn.resolve("sources"));
        replaced = Files.exists(store.sourcesDir().resolve(name));
        List<Path> present;
        try (Stream<Path> s = Files.list(store.sourcesDir())) {
            present = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(name)).toList();
        }
        for (Path p : present) link(view.resolve(p.getFileName().toString()), p);
        Path file = view.resolve(name);
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        setStoredMode(file);
        return view;
    }

    @Override
    public void built(Path generation) throws IOException {
        writeJournal(txn, new Journal(name, generation.getFileName().toString()));
    }

    @Override
    public void commit() throws IOException {
        finish(store, txn, name);
    }

    @Override
    public void discard() {
        if (txn == null) return;
        try {
            // The journal first: a folder without one is rolled back at start whatever else is left.
            Files.deleteIfExists(txn.resolve(JOURNAL));
            IndexStore.deleteTree(txn);
        } catch (IOException | RuntimeException e) {
            // what is left is removed at the next start
        }
    }

    /**
     * Finishes or rolls back what an update killed midway left in {@code .staging}, and empties it.
     * Call it holding the folder's update lock, so that no living update's files are touched.
     */
    static void recover(IndexStore store, PrintStream log) throws IOException {
        Path staging = store.stagingDir();
        if (!Files.isDirectory(staging)) return;
        Path current = store.current();
        List<Path> left;
        try (Stream<Path> s = Files.list(staging)) {
            left = s.sorted().toList();
        }
        for (Path p : left) {
            Journal j = readJournal(p);
            if (j != null && j.generation() != null && current != null && current.getFileName().toString().equals(j.generation())) {
                finish(store, p, j.file());
                log.println("Finished the upload of " + j.file() + ", interrupted after its index " + j.generation()
                        + " became current: the list is now in the sources");
            } else {
                IndexStore.deleteTree(p);
                log.println(j != null ? "Rolled back the upload of " + j.file()
                        + ", interrupted before its index was complete: the sources and the index are as they were before it"
                        : "Removed " + p.getFileName() + " left in .staging by an interrupted upload");
            }
        }
    }

    /** After the commit point: the staged file replaces or joins the sources, then the staging folder goes. */
    private static void finish(IndexStore store, Path txn, String name) throws IOException {
        Path staged = txn.resolve("sources").resolve(name);
        if (Files.exists(staged)) {
            Files.move(staged, store.sourcesDir().resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            IOUtils.fsync(store.sourcesDir(), true);
        }
        Files.deleteIfExists(txn.resolve(JOURNAL));
        IndexStore.deleteTree(txn);
    }

    /** The journal replaced whole by a rename, so a crash leaves the old one or the new one, never half. */
    private static void writeJournal(Path txn, Journal j) throws IOException {
        Path tmp = txn.resolve(JOURNAL + ".tmp");
        Files.writeString(tmp, Json.write(j), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.SYNC);
        Files.move(tmp, txn.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        IOUtils.fsync(txn, true);
    }

    /** The journal of a staging folder, or null when there is none or it names no plain file. */
    private static Journal readJournal(Path txn) {
        Path f = txn.resolve(JOURNAL);
        if (!Files.isRegularFile(f)) return null;
        try {
            Journal j = Json.MAPPER.readValue(Files.readString(f), Journal.class);
            String n = j.file();
            boolean plain = n != null && !n.isEmpty() && !n.equals(".") && !n.equals("..")
                    && n.indexOf('/') < 0 && n.indexOf('\\') < 0 && n.indexOf('\0') < 0;
            return plain ? j : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A hard link costs nothing and cannot change the file; where links are not possible, a copy. */
    private static void link(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(existing, link, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    static void setStoredMode(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(STORED_MODE));
        }
    }
}
