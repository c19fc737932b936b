package dev.llmuptime.config;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The command line every jar shares: {@code --config FILE}, {@code --help}, {@code --version},
 * plus the service's own options. Exit codes: 0 done, 1 failed while running, 2 bad arguments or
 * bad configuration (with one line on stderr saying what and where).
 */
public final class ServiceLauncher {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    /** The body of a service; returns when the service has stopped. */
    @FunctionalInterface
    public interface Service {
        void run(Invocation invocation) throws Exception;
    }

    private final String name;
    private final String description;
    private final List<CliOption> options;

    public ServiceLauncher(String name, String description, List<CliOption> extraOptions) {
        this.name = name;
        this.description = description;
        List<CliOption> all = new ArrayList<>(List.of(CliOption.CONFIG));
        all.addAll(extraOptions);
        all.add(CliOption.HELP);
        all.add(CliOption.VERSION);
        this.options = List.copyOf(all);
    }

    /** Runs {@code service} with the process's arguments and environment and exits with its code. */
    public void main(String[] args, Service service) {
        int code = run(args, System::getenv, System.out, System.err, service);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    public int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err, Service service) {
        try {
            CommandLine commandLine = CommandLine.parse(args, options);
            if (commandLine.has(CliOption.HELP.name())) {
                out.print(help());
                return EXIT_OK;
            }
            if (commandLine.has(CliOption.VERSION.name())) {
                out.println(name + " " + Version.current());
                return EXIT_OK;
            }
            service.run(new Invocation(commandLine, new ConfigLoader(env)));
            return EXIT_OK;
        } catch (UsageException | ConfigException e) {
            err.println(name + ": " + e.getMessage());
            return EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println(name + ": failed: " + e);
            return EXIT_FAILED;
        }
    }

    String help() {
        StringBuilder help = new StringBuilder();
        help.append("Usage: java -jar ").append(name).append(".jar [options]\n\n").append(description).append("\n\nOptions:\n");
        int width = options.stream().mapToInt(option -> option.synopsis().length()).max().orElse(0);
        for (CliOption option : options) {
            help.append("  ").append(String.format("%-" + width + "s", option.synopsis())).append("  ")
                    .append(option.help()).append('\n');
        }
        return help.toString();
    }
}
