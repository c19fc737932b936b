package dev.llmuptime.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker key pair made at run time by the running JDK's {@code keytool}: the broker's PKCS12
 * keystore, a truststore that trusts it, and one that trusts only a stranger's certificate.
 */
record SelfSignedTls(Path keystore, Path truststore, Path strangerTruststore, String password) {

    static SelfSignedTls generate(Path dir) throws IOException, InterruptedException {
        String password = "changeit-" + Long.toHexString(System.nanoTime());
        SelfSignedTls tls = new SelfSignedTls(dir.resolve("broker.p12"), dir.resolve("truststore.p12"),
                dir.resolve("stranger-truststore.p12"), password);
        tls.trustedPair("broker", "localhost", tls.keystore, tls.truststore, dir);
        tls.trustedPair("stranger", "stranger.example", dir.resolve("stranger.p12"), tls.strangerTruststore, dir);
        return tls;
    }

    /** A key for {@code host} (and 127.0.0.1) in {@code keys}, and its certificate alone in {@code trust}. */
    private void trustedPair(String alias, String host, Path keys, Path trust, Path dir) throws IOException, InterruptedException {
        Path certificate = dir.resolve(alias + ".pem");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg",
                "SHA256withECDSA", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host + ",ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(), "-storepass", password,
                "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keys.toString(), "-storepass", password,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", password);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keytool " + arguments[0] + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
