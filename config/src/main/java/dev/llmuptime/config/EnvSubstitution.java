package dev.llmuptime.config;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in the config text with environment values,
 * line by line so that line numbers in later errors stay right. Comments are left alone, so a
 * commented-out {@code ${VAR}} needs no variable.
 */
final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");

    private EnvSubstitution() {
    }

    /**
     * @param source names the file in error messages
     * @throws ConfigException naming the line and the variable when one is unset and has no default
     */
    static String apply(String text, Function<String, String> env, String source) {
        String[] lines = text.split("\n", -1);
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                result.append('\n');
            }
            String line = lines[i];
            int comment = commentStart(line);
            result.append(substitute(line.substring(0, comment), env, source, i + 1));
            result.append(line, comment, line.length());
        }
        return result.toString();
    }

    private static String substitute(String text, Function<String, String> env, String source, int lineNumber) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = env.apply(name);
            if (value == null) {
                value = matcher.group(3);
            }
            if (value == null) {
                throw new ConfigException(source + ":" + lineNumber + ": environment variable " + name
                        + " is not set (set it, or write ${" + name + ":-default} to give a default)");
            }
            if (value.indexOf('\n') >= 0) {
                throw new ConfigException(source + ":" + lineNumber + ": environment variable " + name
                        + " contains a line break, which a config value cannot hold");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Index of a YAML comment's '#' (at line start or after a blank, outside quotes), else the length. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return line.length();
    }
}
