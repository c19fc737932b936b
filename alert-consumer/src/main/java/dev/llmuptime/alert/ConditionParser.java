package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.DidYouMean;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code METRIC OP NUMBER}; errors name the rule, the text and the position (1-based). */
final class ConditionParser {

    private static final Pattern TOKENS = Pattern.compile("\\s*(\\S+?)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    private ConditionParser() {
    }

    static Condition parse(String where, String text) {
        Matcher matcher = TOKENS.matcher(text);
        if (!matcher.matches()) {
            int position = firstOperatorProblem(text);
            throw new ConfigException(where + ": '" + text + "' at position " + position
                    + ": expected METRIC OP NUMBER, with OP one of < <= > >= (e.g. 'uptime < 0.99')");
        }
        String name = matcher.group(1);
        Metric metric = Metric.named(name);
        if (metric == null) {
            throw new ConfigException(where + ": '" + text + "' at position " + (matcher.start(1) + 1)
                    + ": unknown metric '" + name + "'" + suggestion(name) + "; metrics are "
                    + String.join(", ", List.of("uptime", "error-rate", "latency.p50|p90|p95|p99",
                    "ttft.p50|p95|p99", "tokens-per-second.p50", "count", "outcome.<OUTCOME>", "consecutive-failures",
                    "consecutive-successes", "last-outcome.<OUTCOME>")) + ", and no-data");
        }
        double threshold;
        try {
            threshold = Double.parseDouble(matcher.group(3));
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": '" + text + "' at position " + (matcher.start(3) + 1)
                    + ": '" + matcher.group(3) + "' is not a number");
        }
        return new Condition(metric, Operator.of(matcher.group(2)), threshold, text.trim());
    }

    private static String suggestion(String name) {
        return DidYouMean.suggest(name, Metric.ALL.stream().map(Metric::name).toList());
    }

    private static int firstOperatorProblem(String text) {
        String trimmed = text.stripLeading();
        int offset = text.length() - trimmed.length();
        int space = trimmed.indexOf(' ');
        return offset + (space < 0 ? trimmed.length() : space) + 2;
    }
}
