package dev.llmuptime.probe;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for probe ids, drawn from {@link ThreadLocalRandom}: ids need to be
 * unique, not secret, and {@code UUID.randomUUID()} may block on the event loop reading entropy.
 */
final class ProbeIds {

    private ProbeIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }
}
