package io.quickstep.cli;

import io.quickstep.execution.Account;
import io.quickstep.metrics.AwsPrices;
import picocli.CommandLine.Option;

/**
 * {@code --region REGION} of {@code run} and {@code serve}: the region the ARNs name and whose AWS
 * list prices ({@link AwsPrices}) the cost estimates use.
 */
final class RegionOption {
    @Option(names = "--region", paramLabel = "REGION", defaultValue = AwsPrices.DEFAULT_REGION,
            description = "The AWS region the ARNs name and whose list prices the cost estimates use "
                    + "(default: ${DEFAULT-VALUE}).")
    String region;

    /** The list prices of the region; a region the price table lacks is bad input, naming those it holds. */
    AwsPrices prices() throws BadInputException {
        try {
            return AwsPrices.forRegion(region);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--region: " + e.getMessage());
        }
    }

    /** The default account, in the region. */
    Account account() throws BadInputException {
        try {
            return new Account(region, Account.DEFAULT.id());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--region: " + e.getMessage());
        }
    }
}
