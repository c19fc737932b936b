package dev.llmuptime.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void portsAreBindableNeverHandedOutTwiceAndBelowTheEphemeralRange() throws IOException {
        Set<Integer> picked = new TreeSet<>();
        for (int i = 0; i < 50; i++) {
            picked.add(FreePort.pick());
        }

        int ephemeralStart = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+")[0]);
        assertThat(picked).hasSize(50).allSatisfy(port -> assertThat(port).isBetween(1_024, ephemeralStart - 1));
        for (int port : picked) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void aTakenPortIsNamedWithTheOptionThatChangesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatThrownBy(() -> FreePort.requireFree(taken.getLocalPort(), "Kafka", "--kafka-port N"))
                    .isInstanceOf(PortInUseException.class).hasMessageContaining("--kafka-port N");
        }
    }
}
