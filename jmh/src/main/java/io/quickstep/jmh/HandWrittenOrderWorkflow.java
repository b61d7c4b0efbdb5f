package io.quickstep.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quickstep.json.Json;

import java.io.IOException;

/**
 * The order workflow written directly in Java on Jackson trees, as shared/bench/README.md
 * describes: the baseline the engine is measured against. Each step builds a new object rather than
 * mutating the previous one, as the workflow's ResultPath semantics require. Two variants: the
 * idiomatic one deep-copies, the careful one copies only the object it extends.
 */
public final class HandWrittenOrderWorkflow {
    private HandWrittenOrderWorkflow() {
    }

    /** Copies each object it extends with {@code deepCopy()}, the usual way not to mutate a Jackson tree. */
    public static byte[] runDeepCopy(byte[] inputBytes) throws IOException {
        return run(inputBytes, ObjectNode::deepCopy);
    }

    /** Copies only the object it extends and shares every value in it: the cheapest correct way. */
    public static byte[] runSharing(byte[] inputBytes) throws IOException {
        return run(inputBytes, HandWrittenOrderWorkflow::copyOf);
    }

    private static byte[] run(byte[] inputBytes, java.util.function.UnaryOperator<ObjectNode> copy) throws IOException {
        JsonNode input = Json.parse(inputBytes);
        ObjectNode order = Json.NODES.objectNode();
        order.set("orderId", input.get("orderId"));
        order.set("email", input.get("customer").get("email"));
        order.set("total", input.get("amount"));
        order.set("items", input.get("items"));

        ObjectNode tiered = copy.apply(order);
        tiered.put("tier", order.get("total").decimalValue().compareTo(java.math.BigDecimal.valueOf(50)) > 0
                ? "manual" : "auto");

        ObjectNode paid = copy.apply(tiered);
        paid.set("payment", OrderHandlers.charge(tiered));

        ObjectNode reserved = copy.apply(paid);
        reserved.set("inventory", OrderHandlers.reserve(paid));

        return Json.writeBytes(reserved.get("payment"));
    }

    private static ObjectNode copyOf(ObjectNode node) {
        ObjectNode copy = Json.NODES.objectNode();
        copy.setAll(node);
        return copy;
    }
}
