package dev.llmuptime.alert;

/** An API request that cannot be served as asked: its HTTP status and a one-line reason for the caller. */
final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiProblem badRequest(String message) {
        return new ApiProblem(400, message);
    }

    static ApiProblem notFound(String message) {
        return new ApiProblem(404, message);
    }

    int status() {
        return status;
    }
}
