package dev.llmuptime.aggregator;

import java.util.Locale;

/**
 * A shields-style SVG badge: a grey label and a coloured value, 20 px high. Text widths are
 * estimated from Verdana 11 px, so no font metrics (and no external asset) are needed.
 */
record Badge(String label, String value, String colour) {

    private static final int PADDING = 10;

    static Badge uptime(UptimeWindow window, Double uptime) {
        return new Badge("uptime " + window.label(), UptimeLevel.percent(uptime), UptimeLevel.of(uptime).colour());
    }

    static Badge status(PublicState state) {
        return new Badge("status", state.label(), state.colour());
    }

    String svg() {
        int labelWidth = textWidth(label) + PADDING;
        int valueWidth = textWidth(value) + PADDING;
        int width = labelWidth + valueWidth;
        String label = Markup.escape(this.label);
        String value = Markup.escape(this.value);
        String colour = Markup.escape(this.colour);
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="%4$s: %5$s">\
                <title>%4$s: %5$s</title>\
                <linearGradient id="s" x2="0" y2="100%%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>\
                <stop offset="1" stop-opacity=".1"/></linearGradient>\
                <clipPath id="r"><rect width="%1$d" height="20" rx="3" fill="#fff"/></clipPath>\
                <g clip-path="url(#r)"><rect width="%2$d" height="20" fill="#555"/>\
                <rect x="%2$d" width="%3$d" height="20" fill="%6$s"/><rect width="%1$d" height="20" fill="url(#s)"/></g>\
                <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">\
                <text x="%7$s" y="15" fill="#010101" fill-opacity=".3">%4$s</text><text x="%7$s" y="14">%4$s</text>\
                <text x="%8$s" y="15" fill="#010101" fill-opacity=".3">%5$s</text><text x="%8$s" y="14">%5$s</text>\
                </g></svg>""".formatted(width, labelWidth, valueWidth, label, value, colour,
                centre(0, labelWidth), centre(labelWidth, valueWidth));
    }

    private static String centre(int start, int width) {
        return String.format(Locale.ROOT, "%.1f", start + width / 2.0);
    }

    /** Approximate width in px of {@code text} in Verdana 11 px. */
    static int textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            width += switch (c) {
                case ' ', '.', ',', ':', ';', '!', '\'', '|', 'i', 'j', 'l', 'I' -> 3.9;
                case 'f', 'r', 't', '(', ')', '[', ']', '-', '/' -> 4.9;
                case 'm', 'w', 'M', 'W', '%' -> 11.0;
                default -> Character.isUpperCase(c) ? 7.6 : 6.9;
            };
        }
        return (int) Math.ceil(width);
    }
}
