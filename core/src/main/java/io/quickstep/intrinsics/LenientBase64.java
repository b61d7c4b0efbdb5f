package io.quickstep.intrinsics;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Base64 decoding as forgiving as AWS's States.Base64Decode has been observed to be: characters
 * outside the alphabet (blanks, punctuation) are skipped, the URL-safe {@code -} and {@code _}
 * count as {@code +} and {@code /}, the first {@code =} ends the data, and a final group of two
 * or three characters still yields its one or two bytes (a lone trailing character is dropped).
 */
final class LenientBase64 {
    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
        VALUES['-'] = 62;
        VALUES['_'] = 63;
    }

    private LenientBase64() {
    }

    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int bits = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') {
                break;
            }
            int value = c < VALUES.length ? VALUES[c] : -1;
            if (value < 0) {
                continue;
            }
            bits = bits << 6 | value;
            if (++count == 4) {
                out.write(bits >> 16);
                out.write(bits >> 8);
                out.write(bits);
                bits = 0;
                count = 0;
            }
        }
        if (count == 2) {
            out.write(bits >> 4);
        } else if (count == 3) {
            out.write(bits >> 10);
            out.write(bits >> 2);
        }
        return out.toByteArray();
    }
}
