package io.quickstep.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quickstep run --cost}: the execution's price on AWS, printed after its result. */
class RunCostTest {
    private static final Path ORDER = Path.of("..", "examples", "order");
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "run";
        args[1] = ORDER.resolve("order.asl.json").toString();
        args[2] = "--input";
        args[3] = "@" + ORDER.resolve("order-input.json");
        args[4] = "--mocks=" + ORDER.resolve("order.mocks.json");
        System.arraycopy(options, 0, args, 5, options.length);
        return QuickstepCli.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    @Test
    void printsTheExpressAndStandardPriceOfTheExecution() {
        assertEquals(0, run("--cost"), err.toString());
        String printed = out.toString();
        // Normalize, Route, AutoTier, Charge, Reserve, Confirm: six states at $0.000025.
        assertTrue(printed.contains("; Standard $0.0001500 (6 state transitions); AWS list prices of us-east-1"), printed);
        // At least a request and 100 ms of 64 MB: $0.000001 + 0.00625 GB-s at $0.06 per GB-hour.
        assertTrue(printed.matches("(?s).*cost: Express \\$0\\.00000\\d\\d \\(1 request, 0\\.\\d+ GB-s\\).*"), printed);
    }

    @Test
    void pricesAtTheListPricesOfTheRegionGiven() {
        assertEquals(0, run("--cost", "--region", "us-west-2"), err.toString());
        assertTrue(out.toString().contains("(6 state transitions); AWS list prices of us-west-2 as of"), out.toString());
    }

    @Test
    void refusesARegionThePriceTableLacks() {
        assertEquals(2, run("--cost", "--region", "mars-north-1"));
        assertTrue(err.toString().contains("--region: no list prices for region 'mars-north-1' (the table holds "
                + "us-east-1, us-east-2, us-west-2)"), err.toString());
    }
}
