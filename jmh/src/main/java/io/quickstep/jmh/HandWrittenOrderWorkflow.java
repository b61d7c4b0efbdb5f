package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.io.IOException;

/**
 * The order workflow written directly in Java on Jackson trees, as shared/bench/README.md
 * describes: the baseline the engine is measured against. Each step builds a new object rather than
 * mutating the previous one, as the workflow's ResultPath semantics require, and shares the values
 * it does not change (a shallow copy), as a careful hand-written version would.
 */
public final class HandWrittenOrderWorkflow {
    private HandWrittenOrderWorkflow() {
    }

    public static byte[] run(byte[] inputBytes) throws IOException {
        JsonNode input = Json.parse(inputBytes);
        ObjectNode order = Json.NODES.objectNode();
        order.set("orderId", input.get("orderId"));
        order.set("email", input.get("customer").get("email"));
        order.set("total", input.get("amount"));
        order.set("items", input.get("items"));

        ObjectNode tiered = copyOf(order);
        tiered.put("tier", order.get("total").decimalValue().compareTo(java.math.BigDecimal.valueOf(50)) > 0
                ? "manual" : "auto");

        ObjectNode paid = copyOf(tiered);
        paid.set("payment", OrderHandlers.charge(tiered));

        ObjectNode reserved = copyOf(paid);
        reserved.set("inventory", OrderHandlers.reserve(paid));

        return Json.writeBytes(reserved.get("payment"));
    }

    private static ObjectNode copyOf(ObjectNode node) {
        ObjectNode copy = Json.NODES.objectNode();
        copy.setAll(node);
        return copy;
    }
}
