package io.quickstep.graph;

/**
 * How wide a line of text is drawn, estimated from its characters rather than measured with a
 * font, so that the layout (and the golden files) are the same on every machine. The figures are
 * those of a sans-serif face such as DejaVu Sans or Helvetica, in ems; a wide estimate only leaves
 * a little more room.
 */
final class TextWidth {
    private TextWidth() {
    }

    /** Bold text is this much wider. */
    static final double BOLD = 1.1;

    static double of(String text, double fontSize) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            ems += ems(text.charAt(i));
        }
        return Math.ceil(ems * fontSize);
    }

    private static double ems(char c) {
        if ("iljtf.,:;'|!()[] ·".indexOf(c) >= 0) {
            return 0.36;
        }
        if ("mwMW@%".indexOf(c) >= 0) {
            return 0.98;
        }
        if (Character.isUpperCase(c) || Character.isDigit(c) || "$=<>#&_+~\"".indexOf(c) >= 0) {
            return 0.74;
        }
        return 0.63;
    }
}
