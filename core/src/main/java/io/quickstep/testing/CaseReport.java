package io.quickstep.testing;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * The outcome of a run in the corpus runner's plain form: one line {@code SKIP <id>: <reason>} per
 * case that was not run, one line {@code FAIL <id>: <difference>} per failing case, in run order,
 * then the closing line {@code N passed, M failed} ({@code , K skipped} when cases were skipped).
 */
public final class CaseReport {
    private static final int MAX_LINE = 300;
    private final List<CaseResult> results;
    /** Case files that could not be read, one line each ({@code FILE: what is wrong}): failures too. */
    private final List<String> unreadable;

    public CaseReport(List<CaseResult> results) {
        this(results, List.of());
    }

    public CaseReport(List<CaseResult> results, List<String> unreadable) {
        this.results = List.copyOf(results);
        this.unreadable = List.copyOf(unreadable);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed() - skipped() + unreadable.size();
    }

    public long skipped() {
        return results.stream().filter(CaseResult::wasSkipped).count();
    }

    public boolean allPassed() {
        return failed() == 0;
    }

    public void print(PrintWriter out) {
        print(out, failed -> List.of());
    }

    /**
     * Prints the report with {@code details} of each failing case, each line printed under its
     * {@code FAIL} line as it is given (the execution's events, say).
     */
    public void print(PrintWriter out, Function<CaseResult, List<String>> details) {
        for (String file : unreadable) {
            out.println("FAIL " + oneLine(file));
        }
        for (CaseResult result : results) {
            if (result.wasSkipped()) {
                out.println("SKIP " + result.testCase().id() + ": " + oneLine(result.skipped()));
            }
        }
        for (CaseResult result : results) {
            if (!result.passed() && !result.wasSkipped()) {
                out.println("FAIL " + result.testCase().id() + ": " + oneLine(result.difference()));
                details.apply(result).forEach(out::println);
            }
        }
        out.println(summary());
        out.flush();
    }

    /** {@code N passed, M failed}, and {@code , K skipped} when cases were skipped. */
    public String summary() {
        long skipped = skipped();
        return passed() + " passed, " + failed() + " failed" + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }

    /** Whitespace runs (newlines too) as one space, cut at {@value #MAX_LINE} characters. */
    static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 3) + "...";
    }
}
