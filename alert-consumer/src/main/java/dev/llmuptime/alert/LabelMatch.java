package dev.llmuptime.alert;

import dev.llmuptime.config.AlertMatch;
import java.util.regex.Pattern;

/** An {@link AlertMatch} with its globs compiled: every glob given must match its label; a label that is absent matches none. */
record LabelMatch(Pattern rule, Pattern severity, Pattern target, Pattern model, Pattern provider, Pattern region) {

    static LabelMatch of(AlertMatch match) {
        return new LabelMatch(glob(match.rule()), glob(match.severity()), glob(match.target()), glob(match.model()),
                glob(match.provider()), glob(match.region()));
    }

    boolean matches(AlertLabels labels) {
        return matches(rule, labels.rule()) && matches(severity, labels.severity()) && matches(target, labels.target())
                && matches(model, labels.model()) && matches(provider, labels.provider())
                && matches(region, labels.region());
    }

    private static boolean matches(Pattern glob, String label) {
        return glob == null || label != null && glob.matcher(label).matches();
    }

    private static Pattern glob(String text) {
        return text == null ? null : Rule.glob(text);
    }
}
