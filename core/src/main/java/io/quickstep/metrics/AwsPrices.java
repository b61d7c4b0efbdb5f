package io.quickstep.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS Step Functions list prices in US dollars, the one table every cost estimate of Quickstep reads
 * ({@link CostEstimate}): Express workflows per request and per GB-second of billed duration,
 * Standard workflows per state transition. The duration price is the first tier (the first 1,000
 * GB-hours of a month; AWS charges less beyond) and no free tier is deducted (Standard's 4,000
 * transitions a month). Prices change and differ by region: for a region not in the table, give its
 * rates with {@link #of(double, double, double)}.
 *
 * <p>Where the figures come from, read on {@value #AS_OF} (stored copies of AWS's pricing page,
 * https://aws.amazon.com/step-functions/pricing/):
 * <ul>
 *   <li>Standard: the page's "State transitions pricing table" gives $0.0250 per 1,000 state
 *       transitions for US East (N. Virginia), US East (Ohio) and US West (Oregon) alike.</li>
 *   <li>Express: the page's Express pricing example charges $1.00 per million requests and, for the
 *       first 1,000 GB-hours of duration, $0.06000 per GB-hour, that is $0.0000166667 per GB-second
 *       (next 4,000 GB-hours $0.03000, beyond $0.01642). The example names no region, and the page's
 *       table of Express rates by region is drawn by a script that the stored copies lack: the table
 *       gives the three regions the example's rates, which is not verified region by region.</li>
 * </ul>
 *
 * @param region              the region the rates are for, or {@code custom}
 * @param perRequest          an Express execution started
 * @param perGbSecond         a GB-second of Express billed duration and memory
 * @param perStateTransition  a Standard state transition
 */
public record AwsPrices(String region, double perRequest, double perGbSecond, double perStateTransition) {
    /** The date the table's prices were read off AWS's pricing page. */
    public static final String AS_OF = "2026-12-07";
    /** The region used when none is given. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final double SECONDS_PER_HOUR = 3600;
    /** $1.00 per million requests, $0.06 per GB-hour, $0.025 per 1,000 state transitions. */
    private static final AwsPrices US = new AwsPrices(DEFAULT_REGION, 1.00 / 1_000_000, 0.06 / SECONDS_PER_HOUR,
            0.025 / 1_000);
    private static final Map<String, AwsPrices> TABLE = table();

    /** The list prices of {@code region}; null when the table does not hold it (see {@link #regions()}). */
    public static AwsPrices of(String region) {
        return TABLE.get(region);
    }

    /**
     * The list prices of {@code region}.
     *
     * @throws IllegalArgumentException naming the regions the table holds, when it lacks this one
     */
    public static AwsPrices forRegion(String region) {
        AwsPrices prices = of(region);
        if (prices == null) {
            throw new IllegalArgumentException("no list prices for region '" + region + "' (the table holds "
                    + String.join(", ", regions()) + ")");
        }
        return prices;
    }

    /** Rates given by hand (for a region the table lacks, or prices newer than {@value #AS_OF}). */
    public static AwsPrices of(double perRequest, double perGbSecond, double perStateTransition) {
        return new AwsPrices("custom", perRequest, perGbSecond, perStateTransition);
    }

    /** The regions the table holds. */
    public static Set<String> regions() {
        return TABLE.keySet();
    }

    private static Map<String, AwsPrices> table() {
        Map<String, AwsPrices> table = new TreeMap<>();
        // US East (N. Virginia), US East (Ohio) and US West (Oregon) share the same list prices.
        for (String region : new String[] {"us-east-1", "us-east-2", "us-west-2"}) {
            table.put(region, new AwsPrices(region, US.perRequest, US.perGbSecond, US.perStateTransition));
        }
        return Collections.unmodifiableMap(table);
    }
}
