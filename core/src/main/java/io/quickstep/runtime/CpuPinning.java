package io.quickstep.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Pins the calling thread to one CPU where the OS allows it: on Linux, through {@code taskset} on
 * the thread's id (read from {@code /proc/thread-self}), which needs no native library. Anywhere it
 * cannot, the thread stays unpinned and one warning says so.
 */
final class CpuPinning {
    private static final Logger LOG = Logger.getLogger(CpuPinning.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private CpuPinning() {
    }

    /** Pins the current thread to {@code cpu}; returns whether it worked. */
    static boolean pinCurrentThread(int cpu) {
        String failure;
        try {
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            String tid = self.getFileName().toString();
            Process taskset = new ProcessBuilder("taskset", "-pc", Integer.toString(cpu), tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (taskset.waitFor(5, TimeUnit.SECONDS) && taskset.exitValue() == 0) {
                return true;
            }
            taskset.destroyForcibly();
            failure = "taskset refused to pin to CPU " + cpu;
        } catch (IOException | UnsupportedOperationException e) {
            failure = "no /proc/thread-self or taskset here (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (WARNED.compareAndSet(false, true)) {
            LOG.warning("Quickstep: shard threads run unpinned: " + failure);
        }
        return false;
    }
}
