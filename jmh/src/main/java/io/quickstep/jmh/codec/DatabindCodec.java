package io.quickstep.jmh.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;

/**
 * Databind to and from beans, with whatever modules the mapper has (none, Afterburner, Blackbird).
 * The reader and writer are made once, as a server would keep them.
 */
final class DatabindCodec implements StartSyncCodec {
    private final ObjectReader reader;
    private final ObjectWriter writer;

    DatabindCodec(ObjectMapper mapper) {
        reader = mapper.readerFor(RequestBean.class);
        writer = mapper.writerFor(StartSyncAnswer.class);
    }

    @Override
    public StartSyncRequest decode(byte[] body) throws IOException {
        RequestBean bean = reader.readValue(body);
        return StartSyncRequest.of(bean.getStateMachineArn(), bean.getName(), bean.getInput(), bean.getTraceHeader());
    }

    @Override
    public byte[] encode(StartSyncAnswer answer) throws IOException {
        return writer.writeValueAsBytes(answer);
    }
}
