package dev.llmuptime.probe;

import io.netty.handler.codec.http.HttpMethod;

/**
 * The HTTP request of a check: {@code path} is below the target's base URL (e.g.
 * {@code /chat/completions}); {@code body} is JSON, or null for a GET.
 */
record ProbeRequest(HttpMethod method, String path, String body, String accept) {
}
