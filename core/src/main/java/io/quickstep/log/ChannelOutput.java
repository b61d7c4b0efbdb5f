package io.quickstep.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A buffered stream into a file channel whose buffer is a direct one: bytes are copied once into
 * it and the kernel copies them from there. (A {@link java.io.BufferedOutputStream} over
 * {@code Files.newOutputStream} copies each buffer again into a temporary direct one.) Not
 * thread-safe.
 */
final class ChannelOutput extends OutputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer;

    ChannelOutput(FileChannel channel, int bufferBytes) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect(bufferBytes);
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            flushBuffer();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            int chunk = Math.min(length, buffer.remaining());
            buffer.put(bytes, offset, chunk);
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            channel.close();
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
