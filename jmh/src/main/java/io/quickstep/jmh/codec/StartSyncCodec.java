package io.quickstep.jmh.codec;

import java.io.IOException;

/** One way of reading a StartSyncExecution request body and writing its answer. */
public interface StartSyncCodec {
    StartSyncRequest decode(byte[] body) throws IOException;

    byte[] encode(StartSyncAnswer answer) throws IOException;
}
