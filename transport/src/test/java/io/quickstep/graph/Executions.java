package io.quickstep.graph;

import io.quickstep.api.ExecutionOptions;
import io.quickstep.api.StateMachine;
import io.quickstep.events.HistoryEvent;
import io.quickstep.execution.Clock;
import io.quickstep.json.Json;
import io.quickstep.testing.MockAnswer;
import io.quickstep.testing.Mocks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real executions of the test definitions, on a virtual clock, their Task states answered by mocks. */
final class Executions {
    /** Surefire runs in the module's folder; the examples lie at the repository root. */
    static final Path EXAMPLES = Path.of("..", "examples");
    static final Path DEFINITIONS = Path.of("src", "test", "resources", "graph");

    private Executions() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String example(String name) {
        return read(EXAMPLES.resolve(name).resolve(name + ".asl.json"));
    }

    static String definition(String name) {
        return read(DEFINITIONS.resolve(name + ".asl.json"));
    }

    /** The events of one execution of {@code definition} on {@code input}, tasks answered by {@code mocksJson}. */
    static List<HistoryEvent> run(String definition, String input, String mocksJson) {
        StateMachine machine = StateMachine.create("test", definition).recordingEvents(true);
        try {
            Mocks mocks = new Mocks(MockAnswer.parseAll(Json.read(mocksJson)));
            return machine.execute(input, ExecutionOptions.defaults().clock(Clock.virtual()).tasks(mocks)).events();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The order example's input, which goes the AutoTier way. */
    static String orderInput() {
        return read(EXAMPLES.resolve("order").resolve("order-input.json"));
    }
}
