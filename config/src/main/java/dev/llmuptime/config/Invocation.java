package dev.llmuptime.config;

import java.nio.file.Path;

/**
 * What a service is started with: its command line and, loaded on first use, its configuration.
 * Loading lazily lets modes that need no configuration (a bare broker, say) run without one.
 */
public final class Invocation {

    private final CommandLine commandLine;
    private final ConfigLoader loader;
    private MonitorConfig config;

    public Invocation(CommandLine commandLine, ConfigLoader loader) {
        this.commandLine = commandLine;
        this.loader = loader;
    }

    public CommandLine commandLine() {
        return commandLine;
    }

    public Path configPath() {
        return Path.of(commandLine.value(CliOption.CONFIG.name(), "monitor.yaml"));
    }

    /** The configuration; throws {@link ConfigException}, which the launcher turns into exit code 2. */
    public synchronized MonitorConfig config() {
        if (config == null) {
            config = loader.load(configPath());
        }
        return config;
    }
}
