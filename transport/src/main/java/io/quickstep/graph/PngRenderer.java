package io.quickstep.graph;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;

/** Rasterises a diagram's SVG with Apache Batik's transcoder, at twice its size for sharp text. */
final class PngRenderer {
    static final float SCALE = 2;

    private PngRenderer() {
    }

    static byte[] render(String svg, double width) {
        PNGTranscoder transcoder = new PNGTranscoder();
        transcoder.addTranscodingHint(PNGTranscoder.KEY_WIDTH, (float) (width * SCALE));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            transcoder.transcode(new TranscoderInput(new StringReader(svg)), new TranscoderOutput(png));
        } catch (TranscoderException e) {
            throw new IllegalStateException("the diagram could not be rasterised: " + e.getMessage(), e);
        }
        return png.toByteArray();
    }
}
