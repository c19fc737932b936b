package dev.llmuptime.config;

/** The command line is wrong. The message is one line saying what and how to fix it. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
