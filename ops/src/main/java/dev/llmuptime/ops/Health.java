package dev.llmuptime.ops;

/** Whether a service does its job now, and if not, why: what {@code /health} reports. */
public record Health(boolean up, String detail) {

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
