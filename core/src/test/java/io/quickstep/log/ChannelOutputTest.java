package io.quickstep.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ChannelOutputTest {
    @Test
    void shouldWriteEveryByteInOrderWhateverTheSizeOfEachWrite(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("f");
        Files.write(file, new byte[] {'a'});
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write('a');
        Random random = new Random(7);
        try (ChannelOutput out = new ChannelOutput(FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), 16)) {
            for (int i = 0; i < 200; i++) {
                byte[] chunk = new byte[random.nextInt(40)];
                random.nextBytes(chunk);
                if (i % 3 == 0) {
                    out.write(i);
                    expected.write(i);
                } else {
                    out.write(chunk, 0, chunk.length);
                    expected.write(chunk);
                }
                if (i % 50 == 0) {
                    out.flush();
                }
            }
        }
        assertArrayEquals(expected.toByteArray(), Files.readAllBytes(file));
    }
}
