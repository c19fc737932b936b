package dev.llmuptime.aggregator;

import java.util.Locale;

/**
 * How good an uptime is, for the colours of the status page's bars and of the uptime badges: one
 * place for the thresholds, so a bar and a badge of the same uptime agree.
 */
enum UptimeLevel {
    EXCELLENT("excellent", "#4c1"), GOOD("good", "#97ca00"), FAIR("fair", "#dfb317"), POOR("poor", "#fe7d37"),
    BAD("bad", "#e05d44"), NO_DATA("no-data", "#9f9f9f");

    private final String cssName;
    private final String colour;

    UptimeLevel(String cssName, String colour) {
        this.cssName = cssName;
        this.colour = colour;
    }

    /** The suffix of the status page's CSS class for it, e.g. {@code u-excellent}. */
    String cssName() {
        return cssName;
    }

    String colour() {
        return colour;
    }

    /** No uptime (nothing counted) is no data, never 100 %. */
    static UptimeLevel of(Double uptime) {
        if (uptime == null) {
            return NO_DATA;
        }
        if (uptime >= 0.999) {
            return EXCELLENT;
        }
        if (uptime >= 0.99) {
            return GOOD;
        }
        if (uptime >= 0.95) {
            return FAIR;
        }
        return uptime >= 0.90 ? POOR : BAD;
    }

    /** {@code 99.95 %}-style text, cut (not rounded) to two decimals, so that 99.999 % never shows as 100 %. */
    static String percent(Double uptime) {
        if (uptime == null) {
            return "no data";
        }
        if (uptime >= 1.0) {
            return "100%";
        }
        return String.format(Locale.ROOT, "%.2f%%", Math.floor(uptime * 10_000) / 100);
    }
}
