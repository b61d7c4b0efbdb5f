package io.quickstep.testing;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases expected to fail, read from lines {@code <case id>  # reason}. Case ids contain
 * {@code #} themselves ({@code base/test_state_fail#0}), so the reason starts at the first
 * {@code #} that follows whitespace.
 */
public final class KnownFailures {
    private static final Pattern LINE = Pattern.compile("(\\S+)(?:\\s+#\\s*(.*))?");
    private final Map<String, String> reasons;
    /** The list's name in messages: its file's, without {@code .txt}. */
    private final String name;

    private KnownFailures(Map<String, String> reasons, String name) {
        this.reasons = reasons;
        this.name = name;
    }

    public static KnownFailures load(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(text);
            if (!m.matches() || m.group(2) == null || m.group(2).isBlank()) {
                throw new IOException(file + ":" + lineNumber + ": expected '<case id>  # reason'");
            }
            if (reasons.put(m.group(1), m.group(2).strip()) != null) {
                throw new IOException(file + ":" + lineNumber + ": " + m.group(1) + " is listed twice");
            }
        }
        return new KnownFailures(reasons, file.getFileName().toString().replaceFirst("\\.txt$", ""));
    }

    /** Why the case is expected to fail, or null when it is expected to pass. */
    public String reason(String caseId) {
        return reasons.get(caseId);
    }

    /**
     * Fails the case's test when its verdict is not the list's: it differs ({@code difference} not
     * null) and is not listed, or it is listed and now passes.
     */
    public void check(String caseId, String difference) {
        String reason = reason(caseId);
        if (reason == null && difference != null) {
            Assertions.fail(caseId + ": " + difference);
        }
        if (reason != null && difference == null) {
            Assertions.fail(caseId + ": now passes: remove it from " + name + " (" + reason + ")");
        }
    }

    public Set<String> ids() {
        return reasons.keySet();
    }
}
