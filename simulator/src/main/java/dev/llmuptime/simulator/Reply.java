package dev.llmuptime.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An answer the simulated provider will send: status, headers and the body in parts, each sent
 * (and flushed) after its delay, so streams arrive token by token.
 */
record Reply(int status, Map<String, String> headers, List<Part> parts) {

    record Part(Duration delay, String text) {
    }

    static Reply json(int status, Map<String, String> headers, Duration delay, String body) {
        return new Reply(status, headers, List.of(new Part(delay, body)));
    }

    String body() {
        StringBuilder body = new StringBuilder();
        parts.forEach(part -> body.append(part.text()));
        return body.toString();
    }

    Reply delayedBy(Duration extra) {
        if (parts.isEmpty()) {
            return this;
        }
        List<Part> delayed = new ArrayList<>(parts);
        delayed.set(0, new Part(parts.get(0).delay().plus(extra), parts.get(0).text()));
        return new Reply(status, headers, delayed);
    }

    /** The first half of the answer: a stream loses its last events, a JSON body its second half. */
    Reply truncated() {
        if (parts.size() > 1) {
            return new Reply(status, headers, parts.subList(0, Math.max(1, parts.size() / 2)));
        }
        String body = body();
        return new Reply(status, headers, List.of(new Part(parts.isEmpty() ? Duration.ZERO : parts.get(0).delay(),
                body.substring(0, body.length() / 2))));
    }

    /** The first half of a stream, then {@code event}: the provider failing in the middle of its answer. */
    Reply interruptedBy(String event) {
        List<Reply.Part> interrupted = new ArrayList<>(parts.subList(0, Math.max(1, parts.size() / 2)));
        interrupted.add(new Part(Duration.ZERO, event));
        return new Reply(status, headers, interrupted);
    }
}
