package io.quickstep.jmh.codec;

/** UTF-8 lengths of Java strings, without encoding them. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * How many bytes {@code text} takes in UTF-8: what AWS's 256 KiB input limit counts. A lone
     * surrogate counts as the three bytes of a replacement character, as {@code String.getBytes} does.
     */
    static int length(String text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // two chars, four bytes
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
