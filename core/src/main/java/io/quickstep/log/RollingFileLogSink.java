package io.quickstep.log;

import io.quickstep.events.HistoryEvent;
import io.quickstep.metrics.LogMetrics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes execution logs as JSON lines into files, one stream per state machine and day as AWS's
 * log streams are: {@code DIR/<state machine>/<yyyy-MM-dd>.<n>.jsonl} ({@link LogStreams}), the
 * day (UTC) being that of the execution's start. A stream rolls over to the next {@code n} when a
 * file would pass its size limit, and to a new day's file when the day changes; an execution's
 * records are always written together in one file. Writes are buffered and flushed at the end of
 * each batch and on close; a restart appends to the day's last file. Optionally only the newest
 * files of each machine are kept.
 */
public final class RollingFileLogSink implements LogSink, MeteredSink {
    /** The size a file may reach before the stream rolls over to the next: 64 MiB. */
    public static final long MAX_FILE_BYTES_DEFAULT = 64L * 1024 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path directory;
    private final long maxFileBytes;
    /** Files kept per state machine, the newest; 0 keeps all. */
    private final int keepFiles;
    private final Map<String, OpenFile> open = new HashMap<>();
    private LogMetrics metrics = LogMetrics.NONE;

    /** Into {@code directory} (made when missing), with files of at most {@value #MAX_FILE_BYTES_DEFAULT} bytes. */
    public RollingFileLogSink(Path directory) {
        this(directory, MAX_FILE_BYTES_DEFAULT);
    }

    /** @param maxFileBytes the size at which a stream rolls over (a larger execution's records still go whole into one file) */
    public RollingFileLogSink(Path directory, long maxFileBytes) {
        this(directory, maxFileBytes, 0);
    }

    /**
     * @param keepFiles how many files to keep per state machine: when a stream rolls over, the
     *                  oldest beyond this many are deleted; 0 keeps every file
     */
    public RollingFileLogSink(Path directory, long maxFileBytes, int keepFiles) {
        if (maxFileBytes < 1 || keepFiles < 0) {
            throw new IllegalArgumentException("maxFileBytes must be at least 1 and keepFiles 0 or more, were "
                    + maxFileBytes + " and " + keepFiles);
        }
        this.directory = directory;
        this.maxFileBytes = maxFileBytes;
        this.keepFiles = keepFiles;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void meteredBy(LogMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void write(ExecutionLog log) throws IOException {
        int length = CloudWatchLines.length(log);
        if (length == 0) {
            return;
        }
        String machine = log.stateMachineName();
        long epochDay = LogStreams.epochDay(HistoryEvent.firstTimeMillis(log.events()));
        OpenFile file = open.get(machine);
        if (file != null && (file.epochDay != epochDay || file.bytes > 0 && file.bytes + length > maxFileBytes)) {
            file.close();
            open.remove(machine);
            file = file.epochDay == epochDay ? openFile(machine, epochDay, file.number + 1) : null;
        }
        if (file == null) {
            file = openLast(machine, epochDay, length);
        }
        open.put(machine, file);
        log.writeJsonLines(file.out);
        file.bytes += length;
        metrics.recordBytesWritten(length);
    }

    @Override
    public void endOfBatch() throws IOException {
        for (OpenFile file : open.values()) {
            file.out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (OpenFile file : open.values()) {
            try {
                file.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** The day's last file of the machine's stream, or the next when that one has no room for {@code bytes}. */
    private OpenFile openLast(String machine, long epochDay, int bytes) throws IOException {
        String day = LogStreams.day(epochDay);
        Path folder = directory.resolve(LogStreams.folder(machine));
        int last = -1;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                last = files.mapToInt(f -> LogStreams.number(f, day)).max().orElse(-1);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        if (last >= 0) {
            long size = Files.size(folder.resolve(LogStreams.fileName(day, last)));
            return openFile(machine, epochDay, size == 0 || size + bytes <= maxFileBytes ? last : last + 1);
        }
        return openFile(machine, epochDay, 0);
    }

    private OpenFile openFile(String machine, long epochDay, int number) throws IOException {
        String day = LogStreams.day(epochDay);
        Path folder = Files.createDirectories(directory.resolve(LogStreams.folder(machine)));
        Path path = folder.resolve(LogStreams.fileName(day, number));
        if (keepFiles > 0) {
            deleteOldest(folder, path);
        }
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new OpenFile(epochDay, number, new ChannelOutput(channel, BUFFER_BYTES), channel.size());
    }

    /** Deletes the oldest log files of a folder so that, with {@code next}, at most {@link #keepFiles} remain. */
    private void deleteOldest(Path folder, Path next) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(LogStreams.SUFFIX) && !f.equals(next))
                    .sorted(LogStreams::compare).toList();
        }
        for (int i = 0; i < files.size() - (keepFiles - 1); i++) {
            Files.deleteIfExists(files.get(i));
        }
    }

    /** The file a machine's stream writes to now. */
    private static final class OpenFile {
        /** Its day, in days since 1970-01-01 (UTC). */
        final long epochDay;
        final int number;
        final OutputStream out;
        long bytes;

        OpenFile(long epochDay, int number, OutputStream out, long bytes) {
            this.epochDay = epochDay;
            this.number = number;
            this.out = out;
            this.bytes = bytes;
        }

        void close() throws IOException {
            out.close();
        }
    }
}
