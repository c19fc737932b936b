package dev.llmuptime.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a free TCP port on the loopback interface, for servers that must know their port before
 * binding. A port is picked below the kernel's ephemeral range, so that no outgoing connection can
 * take it between the pick and the bind, and at most once per process, since several ports are
 * often picked before the first is bound.
 */
public final class FreePort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Set<Integer> PICKED = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    /** Throws {@link PortInUseException} naming {@code option} when {@code port} on localhost is taken. */
    public static void requireFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        if (!isFree(port)) {
            throw new PortInUseException(what + " port " + port + " is in use (is another local-stack running? choose "
                    + "another with " + option + ")");
        }
    }

    public static int pick() {
        int ephemeralStart = ephemeralStart();
        if (ephemeralStart - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
                if (PICKED.add(port) && isFree(port)) {
                    return port;
                }
            }
        }
        return anyFreePort();
    }

    private static int anyFreePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                if (PICKED.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("No free local port", e);
            }
        }
        throw new IllegalStateException("No free local port that this process has not handed out already");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range, from which it picks outgoing connections' local ports. */
    private static int ephemeralStart() {
        try {
            // Read as lines: a /proc file reports a size of 0, and reading it by its size gets a byte.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
