package org.backofficehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.backofficehub.HubMain;
import org.awaitility.Awaitility;

/**
 * The real daemon (config/application.properties, routes/*.camel.yaml) started in-process with
 * a temp data directory and a free port, talked to over real HTTP.
 */
public final class RunningHub implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-secret";
    /** The built-in web store client's (role webstore), which {@link #postJson} and {@link #post} sign in as. */
    public static final String WEBSTORE_USER = "webstore";
    public static final String WEBSTORE_PASSWORD = "test-webstore-secret";

    private final Path dataDir;
    private final Map<String, String> overrides;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HubMain main;
    private int port;

    private RunningHub(Path dataDir, Map<String, String> overrides) {
        this.dataDir = dataDir;
        this.overrides = overrides;
    }

    public static RunningHub start(Map<String, String> overrides) {
        try {
            RunningHub hub = new RunningHub(Files.createTempDirectory("hub-data-"), new LinkedHashMap<>(overrides));
            hub.boot();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A hub on this data directory, which another may share: several hubs on one hub store and one
     * shared data directory, as hub.cluster.service runs them.
     */
    public static RunningHub start(Path dataDir, Map<String, String> overrides) {
        RunningHub hub = new RunningHub(dataDir, new LinkedHashMap<>(overrides));
        hub.boot();
        return hub;
    }

    public static RunningHub start() {
        return start(Map.of());
    }

    /** Stops and starts the daemon again on the same data directory, as an operator would. */
    public void restart() {
        stopMain();
        boot();
    }

    /** Stops the daemon, does what is to be done while it is down, and starts it again on the same data directory. */
    public void restart(Runnable whileStopped) {
        stopMain();
        whileStopped.run();
        boot();
    }

    private void boot() {
        port = freePort();
        main = new HubMain();
        main.addOverrideProperty("hub.data-dir", dataDir.toString());
        main.addOverrideProperty("camel.server.port", Integer.toString(port));
        main.addOverrideProperty("hub.inbox.min-age-ms", "300");
        main.addOverrideProperty("hub.inbox.poll-delay-ms", "100");
        main.addOverrideProperty("hub.admin.password", ADMIN_PASSWORD);
        main.addOverrideProperty("hub.security.webstore-password", WEBSTORE_PASSWORD);
        overrides.forEach(main::addOverrideProperty);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("The hub did not start", e);
        }
        Awaitility.await("hub healthy").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/observe/health").statusCode() == 200);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path folder(String name) {
        return dataDir.resolve(name);
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    public DataSource erp() {
        return camel().getRegistry().lookupByNameAndType("erpDataSource", DataSource.class);
    }

    public DataSource hubStore() {
        return camel().getRegistry().lookupByNameAndType("hubStore", DataSource.class);
    }

    /** The single number a query against the ERP returns, e.g. a row count. */
    public int erpNumber(String sql) {
        try (java.sql.Connection c = erp().getConnection(); java.sql.ResultSet rs = c.createStatement().executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("No row from " + sql);
            }
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A GET as the administrator, who may read everything; {@link #anonymousGet} for none. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic("admin", ADMIN_PASSWORD)).GET());
    }

    /** A GET without credentials. */
    public HttpResponse<String> anonymousGet(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A JSON POST as the web store's client. */
    public HttpResponse<String> postJson(String path, byte[] body) {
        return post(path, body, "Content-Type", "application/json");
    }

    /**
     * A POST as the web store's client or a platform's webhook sends it: these bytes, these headers
     * (name, value, name, value, ...), signed in as the web store unless an Authorization is among
     * them (a webhook's signature is in its own header; the credentials change nothing for it).
     */
    public HttpResponse<String> post(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        boolean signedIn = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            signedIn |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!signedIn) {
            request.header("Authorization", basic(WEBSTORE_USER, WEBSTORE_PASSWORD));
        }
        return send(request);
    }

    /** A POST without credentials. */
    public HttpResponse<String> anonymousPost(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** The value of an HTTP Basic Authorization header. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A call to the admin API with the admin's credentials; {@code body} may be null. */
    public HttpResponse<String> admin(String method, String path, String body) {
        return adminAs("admin", ADMIN_PASSWORD, method, path, body);
    }

    public HttpResponse<String> adminAs(String user, String password, String method, String path, String body) {
        return adminAs(user, password, method, path, body, "application/json");
    }

    public HttpResponse<String> adminAs(String user, String password, String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (user != null) {
            String credentials = user + ":" + password;
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void stopMain() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The hub did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stopMain();
    }

    /** Puts a sample into the inbox the way a careful sender does: written under a temporary name, then renamed. */
    public void drop(String sample, String asName) throws IOException {
        Path inbox = folder("inbox");
        Files.createDirectories(inbox);
        Path temp = inbox.resolve(asName + ".part");
        Files.copy(Samples.path(sample), temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, inbox.resolve(asName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops a file of this content into the inbox, as drop() does a sample. */
    public void dropText(String content, String asName) throws IOException {
        dropBytes(content.getBytes(java.nio.charset.StandardCharsets.UTF_8), asName);
    }

    public void dropBytes(byte[] content, String asName) throws IOException {
        Path inbox = folder("inbox");
        Files.createDirectories(inbox);
        Path temp = inbox.resolve(asName + ".part");
        Files.write(temp, content);
        Files.move(temp, inbox.resolve(asName), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits for exactly one file whose name ends so in a data folder (done, error, outbox/...), and returns it. */
    public Path awaitSingle(String folder, String nameSuffix) {
        return Awaitility.await(nameSuffix + " in " + folder).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> listing(folder).stream().filter(p -> p.getFileName().toString().endsWith(nameSuffix)).toList(),
                        found -> found.size() == 1)
                .get(0);
    }

    /** Waits for exactly one file named {@code prefix...suffix} in a data folder, and returns it. */
    public Path awaitSingle(String folder, String nameSuffix, String namePrefix) {
        return Awaitility.await(namePrefix + "*" + nameSuffix + " in " + folder).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> listing(folder).stream().filter(p -> p.getFileName().toString().startsWith(namePrefix)
                        && p.getFileName().toString().endsWith(nameSuffix)).toList(), found -> found.size() == 1)
                .get(0);
    }

    /** The files in a data folder, reason files left out. */
    public List<Path> listing(String folder) throws IOException {
        Path dir = folder(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().endsWith(".reason.txt")).toList();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
