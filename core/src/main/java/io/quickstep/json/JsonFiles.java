package io.quickstep.json;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files of JSON text a user names (definitions, inputs, mocks, case files). */
public final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * The text of a file, in UTF-8 as JSON text is. What goes wrong is a {@link FileSystemException}
     * whose message says it in a user's words, {@code FILE: what}: a {@link NoSuchFileException}
     * ({@code no such file}), or a folder, text that is not UTF-8, a file that cannot be read.
     */
    public static String text(Path file) throws FileSystemException {
        if (Files.isDirectory(file)) {
            throw problem(file, "is a folder, expected a file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot read it, permission denied");
        } catch (CharacterCodingException e) {
            throw problem(file, "not UTF-8 text");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f ? f.getReason() : null;
            throw problem(file, "cannot read it" + (reason == null ? "" : " (" + reason + ")"));
        }
    }

    private static FileSystemException problem(Path file, String what) {
        return new FileSystemException(file.toString(), null, what);
    }
}
