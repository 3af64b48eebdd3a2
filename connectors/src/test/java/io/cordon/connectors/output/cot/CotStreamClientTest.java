package io.cordon.connectors.output.cot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.connectors.output.TestTakServer;
import io.cordon.pipeline.config.CotOutput;
import io.cordon.pipeline.config.TlsSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CotStreamClientTest {
    static final Function<String, String> SECRETS = Map.of("TAK_PW", "changeit")::get;
    static final String SECURITY = TestTakServer.SECURITY.toString();

    static byte[] event(String uid) {
        return ("<event version=\"2.0\" uid=\""
                        + uid
                        + "\" type=\"a-u-G\" how=\"m-f\"/>".replace("/>", ">")
                        + "</event>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static CotOutput plain(int port) {
        return new CotOutput("127.0.0.1", port, false, null, 3600, 60, false);
    }

    static CotOutput tls(int port, String keyStore) {
        return new CotOutput(
                "127.0.0.1",
                port,
                true,
                new TlsSettings(
                        SECURITY + "/cordon-trust.p12",
                        "TAK_PW",
                        SECURITY + "/" + keyStore,
                        "TAK_PW"),
                3600,
                60,
                false);
    }

    @Test
    void eventsArriveInOrderOverOneConnection() throws Exception {
        try (TestTakServer tak = TestTakServer.plain();
                CotStreamClient client = new CotStreamClient(plain(tak.port()), SECRETS, 3, 10)) {
            client.send(List.of(event("a"), event("b")));
            client.send(List.of(event("c")));

            assertThat(tak.await(3, 5, TimeUnit.SECONDS))
                    .extracting(e -> e.substring(e.indexOf("uid=\"") + 5, e.indexOf("\" type")))
                    .containsExactly("a", "b", "c");
        }
    }

    @Test
    void anUnreachableEndpointFailsAfterTheAttemptsAndALaterSendConnects() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        CotStreamClient client = new CotStreamClient(plain(port), SECRETS, 3, 10);
        assertThatThrownBy(() -> client.send(List.of(event("lost"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("failed 3 attempts");
        assertThat(client.connected()).isFalse();
    }

    @Test
    void mutualTlsWithTheTrustedClientCertificateDelivers() throws Exception {
        try (TestTakServer tak = TestTakServer.mutualTls(TestTakServer.SECURITY);
                CotStreamClient client =
                        new CotStreamClient(tls(tak.port(), "cordon-client.p12"), SECRETS, 2, 10)) {
            client.send(List.of(event("secure")));

            assertThat(tak.await(1, 5, TimeUnit.SECONDS)).hasSize(1);
            assertThat(tak.events().get(0)).contains("uid=\"secure\"");
        }
    }

    @Test
    void aClientCertificateTheServerDoesNotTrustIsRefused() throws Exception {
        try (TestTakServer tak = TestTakServer.mutualTls(TestTakServer.SECURITY);
                CotStreamClient client =
                        new CotStreamClient(
                                tls(tak.port(), "stranger-client.p12"), SECRETS, 2, 10)) {
            try {
                client.send(List.of(event("stranger")));
            } catch (IOException expected) {
                // the handshake or the first write fails, depending on TLS 1.3 timing
            }
            // the server refuses the certificate in its handshake; once it has, nothing can come
            // on that connection (a fixed pause was a guess at how long the refusal takes)
            assertThat(tak.awaitHandshakeFailures(1, 30, TimeUnit.SECONDS))
                    .as("the server refused the handshake")
                    .isNotEmpty();
            assertThat(tak.events()).isEmpty();
        }
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsRefusedByTheClient() throws Exception {
        try (TestTakServer tak = TestTakServer.mutualTls(TestTakServer.SECURITY)) {
            CotOutput trustsOnlyItself =
                    new CotOutput(
                            "127.0.0.1",
                            tak.port(),
                            true,
                            new TlsSettings(
                                    SECURITY + "/tak-server-trust.p12",
                                    "TAK_PW",
                                    SECURITY + "/cordon-client.p12",
                                    "TAK_PW"),
                            3600,
                            60,
                            false);
            CotStreamClient client = new CotStreamClient(trustsOnlyItself, SECRETS, 1, 10);

            assertThatThrownBy(() -> client.send(List.of(event("x"))))
                    .isInstanceOf(IOException.class);
            assertThat(tak.events()).isEmpty();
        }
    }

    @Test
    void aMissingPasswordVariableIsNamed() {
        CotStreamClient client =
                new CotStreamClient(tls(1, "cordon-client.p12"), name -> null, 1, 10);

        assertThatThrownBy(() -> client.send(List.of(event("x"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("TAK_PW");
    }
}
