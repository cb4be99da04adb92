package org.quanze.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Held while anything changes a data folder: a build, an upload, the recovery at start. It is an
 * operating-system lock on {@code index/update.lock}, so it also keeps out another process on the
 * same folder (a second server, or {@code quanze ingest} beside a running one), and the system
 * releases it when its process dies, even by SIGKILL. Whoever can take it at start therefore knows
 * that whatever an earlier update left behind belongs to no living process and may be finished
 * or rolled back. Within one process a lock per folder comes first, since the file lock is the
 * process's and cannot be taken twice by it.
 */
public final class UpdateLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private UpdateLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other update of the folder runs, here or in another process. */
    static UpdateLock acquire(Path indexRoot) throws IOException {
        ReentrantLock local = local(indexRoot);
        boolean nested = local.isHeldByCurrentThread();
        local.lock();
        if (nested) return new UpdateLock(local, null, null);
        return onFile(indexRoot, local, true);
    }

    /** The lock when no other update runs, else null at once. */
    static UpdateLock tryAcquire(Path indexRoot) throws IOException {
        ReentrantLock local = local(indexRoot);
        boolean nested = local.isHeldByCurrentThread();
        if (!local.tryLock()) return null;
        if (nested) return new UpdateLock(local, null, null);
        return onFile(indexRoot, local, false);
    }

    private static ReentrantLock local(Path indexRoot) throws IOException {
        Files.createDirectories(indexRoot);
        return IN_PROCESS.computeIfAbsent(indexRoot.toRealPath(), p -> new ReentrantLock());
    }

    private static UpdateLock onFile(Path indexRoot, ReentrantLock local, boolean wait) throws IOException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(indexRoot.resolve("update.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = wait ? ch.lock() : ch.tryLock();
            if (l == null) {
                ch.close();
                local.unlock();
                return null;
            }
            return new UpdateLock(local, ch, l);
        } catch (IOException | RuntimeException e) {
            if (ch != null) ch.close();
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (channel != null) {
                try (channel) {
                    lock.release();
                }
            }
        } finally {
            local.unlock();
        }
    }
}
