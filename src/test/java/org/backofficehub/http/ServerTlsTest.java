package org.backofficehub.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.backofficehub.HubMain;
import org.backofficehub.support.RawHttp;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real daemon with TLS on its port (hub.http.tls.*), a keystore made by the JDK's keytool:
 * a client trusting that certificate gets health (the management endpoints share the port) and
 * books an order; plain HTTP and TLS 1.1 get nowhere; a wrong keystore stops the start naming
 * the setting to fix.
 */
class ServerTlsTest {

    private static final String PASSWORD = "keystore-secret";
    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(1500);
    private static Path keystore;
    private static SSLContext trustingTheHub;
    private static HubMain hub;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        keystore = Files.createTempDirectory("hub-tls-").resolve("hub.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        trustingTheHub = sslContextTrusting(keystore);

        port = freePort();
        hub = hubWith(Map.of("hub.http.tls.keystore", keystore.toString(), "hub.http.tls.keystore-password", PASSWORD,
                "hub.http.header-timeout-ms", Long.toString(HEADER_TIMEOUT.toMillis())));
        hub.start();
        Awaitility.await("hub healthy over TLS").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> get("/observe/health").statusCode() == 200);
    }

    @AfterAll
    static void stop() throws Exception {
        hub.stop();
    }

    @Test
    void healthAnswersOverTlsWithHsts() throws Exception {
        HttpResponse<String> health = get("/observe/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(health.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void metricsAnswerOverTls() throws Exception {
        assertThat(get("/observe/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void anOrderIsBookedOverTls() throws Exception {
        HttpResponse<String> booked = client().send(HttpRequest.newBuilder(uri("/api/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", RunningHub.basic(RunningHub.WEBSTORE_USER, RunningHub.WEBSTORE_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(TestOrders.webOrderJson("TLS-1", "SKU-1001", 2)))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(booked.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() throws Exception {
        try (RawHttp plain = RawHttp.connect(port)) {
            plain.send("GET /observe/health HTTP/1.1\r\nHost: hub\r\n\r\n");

            assertThat(plain.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(plain.drained()).doesNotContain("HTTP/1.1").doesNotContain("UP");
        }
    }

    @Test
    void aConnectionThatNeverStartsItsHandshakeIsClosedAfterTheHeaderTimeout() throws Exception {
        try (RawHttp silent = RawHttp.connect(port)) {
            assertThat(silent.closedWithin(HEADER_TIMEOUT.multipliedBy(3))).isTrue();
        }
    }

    @Test
    void tls12AndTls13AreSpoken() throws Exception {
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            try (SSLSocket socket = (SSLSocket) trustingTheHub.getSocketFactory().createSocket("localhost", port)) {
                socket.setEnabledProtocols(new String[] {protocol});
                socket.startHandshake();

                assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            }
        }
    }

    /**
     * Sent as raw bytes: the JDK's own client would refuse to offer TLS 1.1 at all, which would
     * prove nothing about the server. The same hello offering 1.2 is answered with a ServerHello,
     * so it is the version alone that the server refuses.
     */
    @Test
    void tls11IsRefused() throws Exception {
        // A fatal protocol_version alert (70), or the connection simply closed.
        assertThat(firstRecordAnswering(clientHello(0x0302))).as("TLS 1.1 hello").matches("alert/2/70|closed");
        assertThat(firstRecordAnswering(clientHello(0x0303))).as("the same hello as TLS 1.2").isEqualTo(HANDSHAKE_SERVER_HELLO);
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartNamingTheSetting() throws Exception {
        HubMain wrong = hubWith(Map.of("hub.http.tls.keystore", keystore.toString(), "hub.http.tls.keystore-password", "not-it",
                "camel.server.port", Integer.toString(freePort())));

        assertThatThrownBy(wrong::start).hasStackTraceContaining("hub.http.tls.keystore-password")
                .hasStackTraceContaining("password is wrong");
        wrong.stop();
    }

    @Test
    void aMissingKeystoreStopsTheStartNamingTheSetting() throws Exception {
        HubMain missing = hubWith(Map.of("hub.http.tls.keystore", keystore.resolveSibling("nothing.p12").toString(),
                "hub.http.tls.keystore-password", PASSWORD, "camel.server.port", Integer.toString(freePort())));

        assertThatThrownBy(missing::start).hasStackTraceContaining("(hub.http.tls.keystore) is not a readable file");
        missing.stop();
    }

    @Test
    void anOldProtocolInTheSettingStopsTheStart() throws Exception {
        HubMain old = hubWith(Map.of("hub.http.tls.keystore", keystore.toString(), "hub.http.tls.keystore-password", PASSWORD,
                "hub.http.tls.protocols", "TLSv1.3,TLSv1.1", "camel.server.port", Integer.toString(freePort())));

        assertThatThrownBy(old::start).hasStackTraceContaining("hub.http.tls.protocols must name TLSv1.3 and/or TLSv1.2");
        old.stop();
    }

    private static final String HANDSHAKE_SERVER_HELLO = "handshake/ServerHello";

    /** What the server's first TLS record is: "handshake/ServerHello", "alert/..." or "closed". */
    private static String firstRecordAnswering(byte[] hello) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(hello);
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.read();
            if (type < 0) {
                return "closed";
            }
            in.readUnsignedShort(); // record version
            in.readUnsignedShort(); // length
            int first = in.read();
            int second = in.read();
            return switch (type) {
                case 22 -> first == 2 ? HANDSHAKE_SERVER_HELLO : "handshake/" + first;
                case 21 -> "alert/" + first + "/" + second;
                default -> "record " + type;
            };
        } catch (java.net.SocketException e) {
            return "closed";
        }
    }

    /** A ClientHello offering only {@code version} (0x0302 TLS 1.1, 0x0303 TLS 1.2), ECDHE suites, P-256. */
    private static byte[] clientHello(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version & 0xff);
        body.writeBytes(new byte[32]); // client random: zeros are fine for a hello that goes no further
        body.write(0); // no session id
        int[] suites = {0xc02b, 0xc02f, 0xc009, 0xc013, 0x002f};
        short16(body, suites.length * 2);
        for (int suite : suites) {
            short16(body, suite);
        }
        body.write(1);
        body.write(0); // compression: null
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 0x000a, new byte[] {0, 2, 0, 0x17}); // supported_groups: secp256r1
        extension(extensions, 0x000b, new byte[] {1, 0}); // ec_point_formats: uncompressed
        extension(extensions, 0x000d, new byte[] {0, 6, 4, 3, 8, 4, 4, 1}); // signature_algorithms
        short16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {22, 3, 1}); // handshake record, TLS 1.0 on the outside as clients send it
        short16(record, body.size() + 4);
        record.write(1); // ClientHello
        record.write(0);
        short16(record, body.size());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        short16(out, type);
        short16(out, data.length);
        out.writeBytes(data);
    }

    private static void short16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value & 0xff);
    }

    private static HubMain hubWith(Map<String, String> overrides) throws IOException {
        HubMain main = new HubMain();
        main.addOverrideProperty("hub.data-dir", Files.createTempDirectory("hub-tls-data-").toString());
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("hub.admin.password", "x");
        main.addOverrideProperty("hub.security.webstore-password", RunningHub.WEBSTORE_PASSWORD);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client().send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().sslContext(trustingTheHub).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static SSLContext sslContextTrusting(Path keystore) throws Exception {
        KeyStore issued = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            issued.load(in, PASSWORD.toCharArray());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("hub", issued.getCertificate("hub"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
