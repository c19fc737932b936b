package dev.llmuptime.embedded.kafka;

/** A port the stack needs is taken; the message says which and how to choose another. */
public final class PortInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PortInUseException(String message) {
        super(message, null, false, false);
    }
}
