package io.quickstep.cli;

import io.quickstep.asl.DefinitionException;
import io.quickstep.graph.WorkflowDiagram;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The diagrams of the commands: {@code graph}, {@code run --graph}, {@code test --graphs}. */
final class Diagrams {
    private Diagrams() {
    }

    /**
     * The diagram of the definition read from {@code file}; malformed JSON and a definition with
     * errors are bad input, as {@code run} reports them.
     */
    static WorkflowDiagram of(Path file, String text) throws BadInputException {
        CliInputs.parseJson(text, file.toString());
        try {
            return WorkflowDiagram.of(Definitions.machineName(file), text);
        } catch (DefinitionException e) {
            throw Definitions.invalid(file.toString(), e);
        }
    }

    /**
     * Writes {@code diagram} in {@code format} (null: as {@code file}'s extension says, else SVG) to
     * {@code file}, or to {@code stdout} when it is null.
     */
    static void write(WorkflowDiagram diagram, WorkflowDiagram.Format format, Path file, PrintWriter stdout)
            throws BadInputException {
        WorkflowDiagram.Format chosen = format;
        if (chosen == null && file != null) {
            chosen = WorkflowDiagram.Format.ofFileName(file.toString());
        }
        if (chosen == null) {
            chosen = WorkflowDiagram.Format.SVG;
        }
        if (file == null) {
            if (chosen == WorkflowDiagram.Format.PNG) {
                throw new BadInputException("--format png: write it to a file with --out FILE");
            }
            stdout.print(new String(diagram.render(chosen), StandardCharsets.UTF_8));
            stdout.flush();
            return;
        }
        write(file, diagram.render(chosen));
    }

    static void write(Path file, byte[] bytes) throws BadInputException {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }
}
