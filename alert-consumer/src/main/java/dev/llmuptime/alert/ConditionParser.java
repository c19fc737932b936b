package dev.llmuptime.alert;

import dev.llmuptime.config.ConfigException;
import dev.llmuptime.config.DidYouMean;
import dev.llmuptime.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a condition: clauses joined by {@code and}, each {@code METRIC OP NUMBER},
 * {@code METRIC OP FACTOR x baseline} or {@code burn-rate(LONG, SHORT) OP NUMBER}. Errors name the
 * rule, the text and the position (1-based, in the whole condition).
 */
final class ConditionParser {

    private static final Pattern TOKENS = Pattern.compile("\\s*(\\S+?)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");
    private static final Pattern BASELINE = Pattern.compile("\\s*(\\S+?)\\s*(<=|>=|<|>)\\s*(\\S+?)\\s*x\\s+baseline\\s*");
    private static final Pattern BURN_RATE = Pattern.compile(
            "\\s*burn-rate\\s*\\(\\s*([^,\\s]+)\\s*,\\s*([^)\\s]+)\\s*\\)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    private static final List<String> BASELINE_METRICS = List.of("latency.", "ttft.", "tokens-per-second.");

    private ConditionParser() {
    }

    static Clause parse(String where, String text, ClauseContext context) {
        List<Clause> clauses = new ArrayList<>();
        Matcher and = AND.matcher(text);
        int from = 0;
        while (and.find()) {
            clauses.add(clause(new Source(where, text, from, and.start()), context));
            from = and.end();
        }
        clauses.add(clause(new Source(where, text, from, text.length()), context));
        return clauses.size() == 1 ? clauses.get(0) : new AllOf(clauses, text.trim());
    }

    /** One clause of the condition: its text from {@code start} to {@code end}. */
    private record Source(String where, String text, int start, int end) {

        String clause() {
            return text.substring(start, end);
        }

        /** An error at {@code group} of a match on the clause. */
        ConfigException error(Matcher matcher, int group, String message) {
            return error(start + matcher.start(group) + 1, message);
        }

        ConfigException error(int position, String message) {
            return new ConfigException(where + ": '" + text + "' at position " + position + ": " + message);
        }
    }

    private static Clause clause(Source source, ClauseContext context) {
        String text = source.clause();
        Matcher burnRate = BURN_RATE.matcher(text);
        if (burnRate.matches()) {
            return burnRate(source, burnRate, context);
        }
        Matcher baseline = BASELINE.matcher(text);
        if (baseline.matches()) {
            return baseline(source, baseline, context);
        }
        Matcher matcher = TOKENS.matcher(text);
        if (!matcher.matches()) {
            throw source.error(source.start() + firstOperatorProblem(text), "expected METRIC OP NUMBER, with OP one of "
                    + "< <= > >= (e.g. 'uptime < 0.99'), METRIC OP FACTOR x baseline (e.g. 'latency.p95 > 3x baseline') "
                    + "or burn-rate(LONG, SHORT) OP NUMBER (e.g. 'burn-rate(1h, 5m) > 14.4')");
        }
        Metric metric = metric(source, matcher);
        return new Condition(metric, Operator.of(matcher.group(2)), number(source, matcher, 3), text.trim());
    }

    private static Clause baseline(Source source, Matcher matcher, ClauseContext context) {
        Metric metric = metric(source, matcher);
        if (metric.countBased() || BASELINE_METRICS.stream().noneMatch(metric.name()::startsWith)) {
            throw source.error(matcher, 1, "'x baseline' compares latency.*, ttft.* and tokens-per-second.p50 "
                    + "with their own past, not '" + metric.name() + "'");
        }
        double factor = number(source, matcher, 3);
        if (context.baselineBlock() == null) {
            throw source.error(matcher, 3, "baseline " + Durations.format(context.baseline()) + " is too short: it "
                    + "needs at least three of the smallest aggregation window (" + Durations.format(context
                    .aggregationWindows().stream().min(Duration::compareTo).orElseThrow()) + ")");
        }
        return new BaselineCondition(metric, Operator.of(matcher.group(2)), factor, context.window(),
                context.baselineSources(), source.clause().trim());
    }

    private static Clause burnRate(Source source, Matcher matcher, ClauseContext context) {
        Duration longWindow = duration(source, matcher, 1);
        Duration shortWindow = duration(source, matcher, 2);
        if (longWindow.compareTo(shortWindow) <= 0) {
            throw source.error(matcher, 1, "the long window " + Durations.format(longWindow)
                    + " must be longer than the short window " + Durations.format(shortWindow));
        }
        if (shortWindow.compareTo(context.window()) < 0) {
            throw source.error(matcher, 2, "the short window " + Durations.format(shortWindow)
                    + " is shorter than the rule's window " + Durations.format(context.window())
                    + ", from whose windows it is summed");
        }
        return new BurnRateCondition(longWindow, shortWindow, Operator.of(matcher.group(3)),
                number(source, matcher, 4), context.objective(), context.window(), source.clause().trim());
    }

    private static Metric metric(Source source, Matcher matcher) {
        String name = matcher.group(1);
        Metric metric = Metric.named(name);
        if (metric == null) {
            throw source.error(matcher, 1, "unknown metric '" + name + "'" + suggestion(name) + "; metrics are "
                    + String.join(", ", List.of("uptime", "error-rate", "latency.p50|p90|p95|p99",
                    "ttft.p50|p95|p99", "tokens-per-second.p50", "count", "outcome.<OUTCOME>", "consecutive-failures",
                    "consecutive-successes", "last-outcome.<OUTCOME>", "burn-rate(LONG, SHORT)")) + ", and no-data");
        }
        return metric;
    }

    private static double number(Source source, Matcher matcher, int group) {
        try {
            return Double.parseDouble(matcher.group(group));
        } catch (NumberFormatException e) {
            throw source.error(matcher, group, "'" + matcher.group(group) + "' is not a number");
        }
    }

    private static Duration duration(Source source, Matcher matcher, int group) {
        try {
            return Durations.parse(matcher.group(group));
        } catch (IllegalArgumentException e) {
            throw source.error(matcher, group, e.getMessage());
        }
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
