package io.quickstep.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the shell blocks of the README's "## Usage" section as written, so that the README cannot
 * show a command that behaves otherwise.
 *
 * <p>The convention, in each fenced block marked {@code sh} of that section: every line that is not
 * a comment is a command (a line ending in {@code \} goes on with the next), and the line right
 * after it is a comment {@code # exit N}, N its exit status, optionally followed by a colon and what
 * it prints. Each command runs through {@code bash -c} from the repository root, with
 * {@code ./quickstep} standing for the command line on this module's test classpath: the launcher
 * itself would first build its jar with Maven. The commands run at once, so they must not depend
 * on each other. The load tester ({@code ./quickstep loadtest}) is
 * not on that classpath, so its commands belong in blocks that are not marked {@code sh}.
 */
class ReadmeUsageTest {
    /** Surefire runs in the module's folder; the README lies at the repository root. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXIT = Pattern.compile("^# exit (\\d+)(:.*)?$");
    private static final Pattern LOADTEST = Pattern.compile("\\./quickstep\\s+loadtest");
    private static final Pattern LAUNCHER = Pattern.compile("(^|[\\s;&|(])\\./quickstep(?=\\s|$)");

    @TempDir
    static Path dir;

    /** One command of the README, the line it starts on, and the exit status the README gives it. */
    record Command(int line, String text, int exit) {
    }

    /** The commands of the {@code sh} blocks of the section headed {@code ## Usage}. */
    static List<Command> usageCommands(List<String> readme) {
        List<Command> commands = new ArrayList<>();
        boolean inUsage = false;
        boolean inShell = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("## ")) {
                inUsage = line.equals("## Usage");
            } else if (inUsage && line.startsWith("```")) {
                inShell = !inShell && line.equals("```sh");
            } else if (inShell && !line.isBlank() && !line.startsWith("#")) {
                int start = i;
                StringBuilder text = new StringBuilder(line);
                while (readme.get(i).endsWith("\\")) {
                    text.append('\n').append(readme.get(++i));
                }
                Matcher exit = EXIT.matcher(i + 1 < readme.size() ? readme.get(i + 1) : "");
                if (!exit.matches()) {
                    fail("README.md line " + (start + 1) + ": a command without a '# exit N' line after it: " + text);
                }
                if (LOADTEST.matcher(text).find()) {
                    fail("README.md line " + (start + 1) + ": the load tester is not on this module's classpath: show "
                            + "loadtest commands in a block not marked sh");
                }
                commands.add(new Command(start + 1, text.toString(), Integer.parseInt(exit.group(1))));
            }
        }
        return commands;
    }

    /** A command of the README, running: its output goes to two files. */
    private record Running(Command command, Process process, Path out, Path err) {
    }

    /** Starts every command at once (each is a JVM starting up), then checks each as a test of its own. */
    @TestFactory
    Stream<DynamicTest> shouldExitAsTheReadmeSays() throws IOException {
        List<Command> commands = usageCommands(Files.readAllLines(ROOT.resolve("README.md")));
        assertFalse(commands.isEmpty(), "no ```sh block with commands in the README's Usage section");
        Path launcher = launcher();
        List<Running> running = new ArrayList<>();
        for (Command command : commands) {
            running.add(start(command, launcher));
        }
        return running.stream().map(r -> DynamicTest.dynamicTest(
                "README.md line " + r.command().line() + ": " + r.command().text(), () -> check(r)));
    }

    @Test
    void shouldReadCommandsAndTheirExitStatusFromShellBlocksOfTheUsageSectionOnly() {
        List<String> readme = List.of("## Set-up", "```sh", "./quickstep elsewhere", "```",
                "## Usage", "```sh", "# a comment", "./quickstep run a \\", "    --input b", "# exit 1: it fails", "",
                "./quickstep test c", "# exit 0", "```", "```java", "not a command", "```", "### Embedding",
                "```sh", "./quickstep validate d", "# exit 2", "```", "## Semantics", "```sh", "./quickstep later", "```");
        assertEquals(List.of(new Command(8, "./quickstep run a \\\n    --input b", 1), new Command(12, "./quickstep test c", 0),
                new Command(20, "./quickstep validate d", 2)), usageCommands(readme));
        AssertionError missing = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> usageCommands(List.of("## Usage", "```sh", "./quickstep test c", "```")));
        assertTrue(missing.getMessage().contains("line 3"), missing.getMessage());
        AssertionError loadtest = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> usageCommands(List.of("## Usage", "```sh", "./quickstep loadtest --max", "# exit 0", "```")));
        assertTrue(loadtest.getMessage().contains("load tester"), loadtest.getMessage());
    }

    private static Running start(Command command, Path launcher) throws IOException {
        String script = LAUNCHER.matcher(command.text()).replaceAll("$1" + Matcher.quoteReplacement(launcher.toString()));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder("bash", "-c", script).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Running(command, process, out, err);
    }

    private static void check(Running running) throws InterruptedException {
        Command command = running.command();
        if (!running.process().waitFor(2, TimeUnit.MINUTES)) {
            running.process().destroyForcibly();
            fail("did not end: " + command.text());
        }
        assertEquals(command.exit(), running.process().exitValue(), () -> "README.md line " + command.line() + ": "
                + command.text() + "\nstdout: " + read(running.out()) + "\nstderr: " + read(running.err()));
    }

    /** {@code quickstep} as a script that runs the command line from this JVM's classpath. */
    private static Path launcher() throws IOException {
        Path launcher = dir.resolve("quickstep");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' io.quickstep.cli.QuickstepCli \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(cannot read " + file + ")";
        }
    }
}
