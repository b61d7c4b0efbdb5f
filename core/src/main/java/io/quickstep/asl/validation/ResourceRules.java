package io.quickstep.asl.validation;

/**
 * A Task's Resource: an ARN. For the service integrations ({@code arn:<partition>:states:::service:api}
 * with an optional {@code .sync}, {@code .sync:2} or {@code .waitForTaskToken}), the API and pattern
 * must be one AWS offers, and an Express machine can use neither .sync nor .waitForTaskToken (unless
 * the validation lets it use .waitForTaskToken, as Quickstep runs it: then a warning says so).
 */
final class ResourceRules {
    private ResourceRules() {
    }

    static void check(Context ctx, String resource, Location at) {
        if (!resource.startsWith("arn:")) {
            ctx.schema(Messages.NOT_AN_ARN, at);
            return;
        }
        // arn, partition, "states", "", "", service, api[.pattern]; the last part keeps its colons (.sync:2).
        String[] parts = resource.split(":", 7);
        if (parts.length < 7 || !parts[2].equals("states") || !parts[3].isEmpty() || !parts[4].isEmpty()) {
            return;
        }
        Integrations.Pattern pattern = Integrations.Pattern.of(parts[6]);
        if (ctx.express && pattern == Integrations.Pattern.TOKEN && ctx.expressCallbacks) {
            ctx.warning(Messages.SCHEMA, Messages.expressCallback(), at);
        } else if (ctx.express && pattern != Integrations.Pattern.REQUEST_RESPONSE) {
            ctx.schema(Messages.expressPattern(pattern.suffix.startsWith(".sync") ? ".sync" : pattern.suffix), at);
        }
        String api = parts[6].substring(0, parts[6].length() - pattern.suffix.length());
        if (!Integrations.offers(parts[5], api, pattern)) {
            ctx.schema(Messages.unrecognizedResource(resource), at);
        }
    }
}
