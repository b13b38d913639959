package org.backofficehub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.backofficehub.config.Databases.DatabaseSettings;

/**
 * Several packaged hubs as README's "Running several hubs" sets them up: one PostgreSQL hub store
 * and ERP (fresh databases), one shared data directory, one election on ZooKeeper (a base path of
 * their own). Each hub has its own port, instance name and log (in a folder beside the data
 * directory, kept for a look afterwards).
 */
final class ClusterHubs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + HubProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    final List<HubProcess> hubs = new ArrayList<>();
    final Path dataDir;
    final Path logs;
    private final EmbeddedPostgres postgres;
    private final String prefix;

    private ClusterHubs(EmbeddedPostgres postgres, String prefix, Path dataDir, Path logs) {
        this.postgres = postgres;
        this.prefix = prefix;
        this.dataDir = dataDir;
        this.logs = logs;
    }

    /**
     * Starts {@code count} hubs: the first alone, as it migrates the shared databases, then the
     * others, which find them migrated. {@code settings} go to every one.
     */
    static ClusterHubs start(EmbeddedPostgres postgres, String zooKeeper, String prefix, int count, String heap, String classpath,
                             List<String> settings) throws Exception {
        List<DatabaseSettings> databases = RealTimeBenchmark.freshDatabases(postgres, prefix);
        ClusterHubs cluster = new ClusterHubs(postgres, prefix, Files.createTempDirectory("hub-cluster-bench-"),
                Files.createTempDirectory("hub-cluster-logs-"));
        List<String> shared = new ArrayList<>(List.of(
                "-Dhub.store.url=" + databases.get(0).url(), "-Dhub.store.user=" + databases.get(0).user(),
                "-Dhub.erp.url=" + databases.get(1).url(), "-Dhub.erp.user=" + databases.get(1).user(),
                "-Dhub.cluster.service=zookeeper", "-Dhub.cluster.zookeeper.nodes=" + zooKeeper,
                "-Dhub.cluster.zookeeper.base-path=/bench-" + prefix));
        shared.addAll(settings);
        try {
            for (int i = 1; i <= count; i++) {
                List<String> own = new ArrayList<>(shared);
                own.add("-Dhub.cluster.instance=" + instance(i));
                HubProcess hub = HubProcess.start(cluster.dataDir, classpath, heap, own, cluster.logs.resolve(instance(i) + ".log"));
                cluster.hubs.add(hub);
                System.out.printf("    %s healthy after %d ms%n", instance(i), hub.startupMillis);
            }
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    static String instance(int number) {
        return "hub-" + number;
    }

    String instanceOf(HubProcess hub) {
        return instance(hubs.indexOf(hub) + 1);
    }

    List<URI> orderUris() {
        return hubs.stream().map(hub -> URI.create("http://localhost:" + hub.port + "/api/orders")).toList();
    }

    /** CPU of every hub process so far, summed (a killed one's up to its death is lost: read it before). */
    Duration cpu() {
        return hubs.stream().filter(HubProcess::alive).map(HubProcess::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    Duration compilerCpu() {
        return hubs.stream().filter(HubProcess::alive).map(HubProcess::compilerCpu).reduce(Duration.ZERO, Duration::plus);
    }

    /** GET /admin/cluster on this hub. */
    static JsonNode view(HubProcess hub) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port + "/admin/cluster"))
                .header("Authorization", ADMIN).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /admin/cluster answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Whether this hub says it leads: its own member row, whose flag it reads live (the others' are their last heartbeat's). */
    static boolean leadsItself(HubProcess hub) {
        try {
            for (JsonNode member : view(hub).path("members")) {
                if (member.path("local").asBoolean()) {
                    return member.path("leader").asBoolean();
                }
            }
            return false;
        } catch (Exception unreachable) {
            return false;
        }
    }

    /** Waits until exactly one hub says it leads, and returns it. */
    HubProcess awaitOneLeader(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<HubProcess> leading = hubs.stream().filter(HubProcess::alive).filter(ClusterHubs::leadsItself).toList();
            if (leading.size() == 1) {
                return leading.get(0);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No single leader among the hubs within " + limit);
    }

    /** GET on the admin API of this hub, its body. */
    static String admin(HubProcess hub, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + hub.port + path)).header("Authorization", ADMIN)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A number from the ERP (query's first column of its first row). */
    long erp(String sql) throws Exception {
        return number(prefix + "_erp", sql);
    }

    long hubStore(String sql) throws Exception {
        return number(prefix + "_hub", sql);
    }

    private long number(String database, String sql) throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Log lines at ERROR, every hub's, with the hub's name. */
    List<String> errorLines() throws Exception {
        List<String> errors = new ArrayList<>();
        for (int i = 1; i <= hubs.size(); i++) {
            Path log = logs.resolve(instance(i) + ".log");
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    if (line.contains(" ERROR ")) {
                        errors.add(instance(i) + ": " + line);
                    }
                }
            }
        }
        return errors;
    }

    /** Stops every hub still running (SIGTERM), then deletes the shared data directory; the logs stay. */
    @Override
    public void close() throws Exception {
        for (HubProcess hub : hubs) {
            hub.close();
        }
        HubProcess.delete(dataDir);
    }
}
