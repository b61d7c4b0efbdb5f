package io.quickstep.jmh.codec;

import com.fasterxml.jackson.module.afterburner.AfterburnerModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.quickstep.json.Json;

import java.util.List;

/** The codecs {@code CodecBenchmark} compares, by name. */
public final class Codecs {
    /** Every name {@link #named} knows. */
    public static final List<String> NAMES = List.of("databind", "databindTree", "afterburner", "blackbird",
            "streaming");

    private Codecs() {
    }

    public static StartSyncCodec named(String name) {
        return switch (name) {
            case "databind" -> new DatabindCodec(Json.MAPPER);
            case "databindTree" -> new TreeCodec();
            // Copies: the engine's mapper keeps its settings (exact decimals, limits) and stays as it is.
            case "afterburner" -> new DatabindCodec(Json.MAPPER.copy().registerModule(new AfterburnerModule()));
            case "blackbird" -> new DatabindCodec(Json.MAPPER.copy().registerModule(new BlackbirdModule()));
            case "streaming" -> new StreamingCodec();
            default -> throw new IllegalArgumentException("no codec named " + name);
        };
    }
}
