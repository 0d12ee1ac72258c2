package io.rebalancer.fix;

import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway self-signed key pair for TLS tests, made by the JDK's own {@code keytool} in a temporary directory;
 * both sides use it as key store and trust store.
 */
final class SelfSignedKeyStore {
    static final String PASSWORD = "changeit";

    private SelfSignedKeyStore() {
    }

    static Path create(final Path dir) throws IOException, InterruptedException {
        final Path store = dir.resolve("fix-test.p12");
        final Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        final Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "fix",
            "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
            "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
            "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    /** QuickFIX/J's own TLS keys, as documented in config/README.md. */
    static void useTls(final SessionSettings settings, final SessionID session, final Path store) {
        settings.setString(session, "SocketUseSSL", "Y");
        settings.setString(session, "SocketKeyStore", store.toString());
        settings.setString(session, "SocketKeyStorePassword", PASSWORD);
        settings.setString(session, "KeyStoreType", "PKCS12");
        settings.setString(session, "SocketTrustStore", store.toString());
        settings.setString(session, "SocketTrustStorePassword", PASSWORD);
        settings.setString(session, "TrustStoreType", "PKCS12");
    }
}
