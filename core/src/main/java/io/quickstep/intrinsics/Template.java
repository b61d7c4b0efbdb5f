package io.quickstep.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A States.Format template: text with {@code {}} placeholders. A backslash makes the next
 * character literal, so {@code \{\}} prints braces; any other brace makes the template malformed.
 */
final class Template {
    private final String[] pieces;
    private final boolean malformed;

    private Template(String[] pieces, boolean malformed) {
        this.pieces = pieces;
        this.malformed = malformed;
    }

    static Template parse(String source) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        boolean malformed = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                piece.append(source.charAt(++i));
            } else if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
                pieces.add(piece.toString());
                piece.setLength(0);
                i++;
            } else {
                malformed |= c == '{' || c == '}';
                piece.append(c);
            }
        }
        pieces.add(piece.toString());
        return new Template(pieces.toArray(new String[0]), malformed);
    }

    boolean malformed() {
        return malformed;
    }

    int placeholders() {
        return pieces.length - 1;
    }

    /** The text with placeholder i replaced by {@code values[first + i]}. */
    String render(JsonNode[] values, int first) {
        StringBuilder out = new StringBuilder(pieces[0]);
        for (int i = 1; i < pieces.length; i++) {
            out.append(Text.render(values[first + i - 1])).append(pieces[i]);
        }
        return out.toString();
    }
}
