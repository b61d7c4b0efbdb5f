package io.quickstep.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/**
 * The {@code billingDetails} of StartSyncExecution answers, added up over a run: how many
 * executions reported them, their billed milliseconds, and their billed megabyte-milliseconds.
 */
final class Billing {
    private static final ByteBuf DURATION = field("billedDurationInMilliseconds");
    private static final ByteBuf MEMORY = field("billedMemoryUsedInMB");

    private long executions;
    private long billedMillis;
    private long billedMbMillis;

    /** Adds the billing details of one answer body, if it has them. */
    void add(ByteBuf body) {
        long millis = number(body, DURATION);
        long mb = number(body, MEMORY);
        if (millis >= 0 && mb >= 0) {
            executions++;
            billedMillis += millis;
            billedMbMillis += millis * mb;
        }
    }

    long executions() {
        return executions;
    }

    long billedMillis() {
        return billedMillis;
    }

    long billedMbMillis() {
        return billedMbMillis;
    }

    /** The whole number after {@code "name":}, or -1 when the body has none. */
    private static long number(ByteBuf body, ByteBuf name) {
        int at = ByteBufUtil.indexOf(name.duplicate(), body);
        if (at < 0) {
            return -1;
        }
        int i = at + name.readableBytes();
        int end = body.writerIndex();
        while (i < end && body.getByte(i) == ' ') {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < end && digits < 18; i++, digits++) {
            byte b = body.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
        }
        return digits == 0 ? -1 : value;
    }

    private static ByteBuf field(String name) {
        return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(
                ("\"" + name + "\":").getBytes(StandardCharsets.US_ASCII)));
    }
}
