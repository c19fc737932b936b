package dev.llmuptime.aggregator;

/**
 * How the store keys ({@link StreakKey}, {@link SeriesKey}, {@link WindowKey}) are written: fields
 * joined by NUL, numbers zero-padded so that the store's byte order is numeric order. The first
 * field is a target id, which never holds a NUL; numbers never do either, so a key splits
 * unambiguously even if a region should.
 */
final class StoreKeyFormat {

    private static final char SEPARATOR = '\u0000';
    private static final int NUMBER_WIDTH = 15;

    private StoreKeyFormat() {
    }

    static String join(String... fields) {
        return String.join(String.valueOf(SEPARATOR), fields);
    }

    static String number(long value) {
        String digits = Long.toString(value);
        // Padded by hand: String.format costs more than the rest of a key, and keys are made for every result.
        return value >= 0 && digits.length() <= NUMBER_WIDTH ? "0".repeat(NUMBER_WIDTH - digits.length()) + digits
                : String.format("%0" + NUMBER_WIDTH + "d", value);
    }

    /**
     * The {@code count} fields of {@code key}: the first up to the first separator, the last
     * {@code count - 2} after the last separators, and the second everything in between.
     */
    static String[] split(String key, int count) {
        String[] fields = new String[count];
        int first = key.indexOf(SEPARATOR);
        int end = key.length();
        for (int field = count - 1; field >= 2; field--) {
            int separator = key.lastIndexOf(SEPARATOR, end - 1);
            if (separator <= first) {
                throw new IllegalArgumentException("not a store key of " + count + " fields: " + printable(key));
            }
            fields[field] = key.substring(separator + 1, end);
            end = separator;
        }
        if (first < 0) {
            throw new IllegalArgumentException("not a store key of " + count + " fields: " + printable(key));
        }
        fields[0] = key.substring(0, first);
        fields[1] = key.substring(first + 1, end);
        return fields;
    }

    static long number(String field) {
        return Long.parseLong(field);
    }

    private static String printable(String key) {
        return key.replace(SEPARATOR, '|');
    }
}
