package dev.llmuptime.simulator;

import java.util.Map;

/**
 * How one provider's API talks apart from its healthy answers: the headers every answer carries
 * and the shape of its errors, so each fault looks as that provider would make it look.
 */
sealed interface Dialect permits OpenAiDialect, AzureDialect, AnthropicDialect, GeminiDialect {

    /** Request id and rate-limit headers; {@code id} is random hex, {@code remainingRequests} this minute's. */
    Map<String, String> headers(String id, long remainingRequests, long requestsPerMinute);

    /** Headers a rate-limited answer adds. */
    Map<String, String> rateLimitHeaders();

    /** The error body this provider answers {@code status} with, for a request about {@code model}. */
    String error(int status, String model);

    String rateLimited(String model);

    String modelNotFound(String model);

    String invalidRequest(String message);

    /** An error event in the middle of a stream, as this provider sends it. */
    default String streamError(int status, String model) {
        return "data: " + error(status, model) + "\n\n";
    }
}
