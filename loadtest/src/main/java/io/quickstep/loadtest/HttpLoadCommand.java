package io.quickstep.loadtest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code loadtest http}: the HTTP target on its own, as loadtest/wrk/bench.sh calls it; the same as
 * {@code loadtest --url URL}, with http://127.0.0.1:8083/ when no {@code --url} is given.
 */
@Command(name = "http", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts executions through the Step Functions API of a server on loopback: open loop "
                + "(--rate, or --burst with --every; latency from each request's due time) or closed loop (--max).",
                "Exits 0 when every request was answered OK, 1 otherwise."})
final class HttpLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Mixin
    HttpTarget target;

    @Override
    public Integer call() throws Exception {
        return new HttpLoadRun(spec.commandLine(), run, target).call();
    }
}
