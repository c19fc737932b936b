package dev.llmuptime.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/** OpenAI's headers ({@code x-request-id}, {@code x-ratelimit-*}) and error bodies. */
final class OpenAiDialect implements Dialect {

    /** OpenAI's and Azure's: when to retry, and no requests left. */
    static final Map<String, String> RATE_LIMIT_HEADERS = Map.of("retry-after", "1",
            "x-ratelimit-remaining-requests", "0");

    @Override
    public Map<String, String> headers(String id, long remainingRequests, long requestsPerMinute) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", "req_" + id);
        headers.put("x-ratelimit-limit-requests", String.valueOf(requestsPerMinute));
        headers.put("x-ratelimit-remaining-requests", String.valueOf(remainingRequests));
        headers.put("x-ratelimit-limit-tokens", "2000000");
        headers.put("x-ratelimit-remaining-tokens", "1999000");
        headers.put("openai-processing-ms", "1");
        return headers;
    }

    @Override
    public Map<String, String> rateLimitHeaders() {
        return RATE_LIMIT_HEADERS;
    }

    @Override
    public String error(int status, String model) {
        return OpenAiErrors.forStatus(status, model).toString();
    }

    @Override
    public String rateLimited(String model) {
        return OpenAiErrors.rateLimited(model).toString();
    }

    @Override
    public String modelNotFound(String model) {
        return OpenAiErrors.modelNotFound(model).toString();
    }

    @Override
    public String invalidRequest(String message) {
        return OpenAiErrors.invalidRequest(message).toString();
    }
}
