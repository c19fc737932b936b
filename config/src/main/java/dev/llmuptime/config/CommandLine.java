package dev.llmuptime.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed command-line arguments: the flags given and the values of options. */
public final class CommandLine {

    private final Set<String> flags;
    private final Map<String, String> values;

    private CommandLine(Set<String> flags, Map<String, String> values) {
        this.flags = Set.copyOf(flags);
        this.values = Map.copyOf(values);
    }

    /**
     * Parses {@code args} against {@code options}, or throws {@link UsageException}. Arguments
     * without dashes fill the operands among {@code options} in order; operands not given are absent.
     */
    public static CommandLine parse(String[] args, List<CliOption> options) {
        Map<String, CliOption> byName = new LinkedHashMap<>();
        options.stream().filter(option -> !option.isOperand()).forEach(option -> byName.put(option.name(), option));
        Iterator<CliOption> operands = options.stream().filter(CliOption::isOperand).iterator();
        Set<String> flags = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") && operands.hasNext()) {
                values.put(operands.next().name(), arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            CliOption option = byName.get(name);
            if (option == null) {
                throw new UsageException((arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + name
                        + "'" + DidYouMean.suggest(name, byName.keySet()) + "; see --help");
            }
            if (!option.takesValue()) {
                if (equals > 0) {
                    throw new UsageException(name + " takes no value");
                }
                flags.add(name);
            } else if (equals > 0) {
                values.put(name, arg.substring(equals + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                throw new UsageException(name + " needs a value: " + option.synopsis());
            }
        }
        return new CommandLine(flags, values);
    }

    public boolean has(String flag) {
        return flags.contains(flag) || values.containsKey(flag);
    }

    public String value(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    /** The value of {@code option} as a TCP port, or {@code fallback} when absent. */
    public int port(String option, int fallback) {
        String text = values.get(option);
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " expects a port from 0 to 65535, got '" + text + "'");
    }
}
