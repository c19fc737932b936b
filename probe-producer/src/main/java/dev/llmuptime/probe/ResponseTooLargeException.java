package dev.llmuptime.probe;

/** A response body grew past the limit a probe reads; the probe stops reading it. */
final class ResponseTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ResponseTooLargeException(int limit) {
        super("response body larger than " + limit / 1024 + " KiB", null, false, false);
    }
}
