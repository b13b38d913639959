package org.backofficehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.curator.test.TestingServer;
import org.awaitility.Awaitility;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.Role;
import org.backofficehub.security.UsersFile;
import org.backofficehub.support.RunningHub;
import org.backofficehub.support.Samples;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hubs on one PostgreSQL hub store and ERP and one shared data directory, elected on a real
 * ZooKeeper server (curator-test) or a file lock: the singletons run on the leader only, another
 * takes them over when it stops, HTTP orders are taken by both, a follower forwards what runs on the
 * leader only (Run now) to the leader's advertised URL (503 when it cannot be reached), and a mode
 * switched on one is taken up by the other.
 */
class SeveralHubsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    private static final String FRITZ_PASSWORD = "fritz-on-two-hubs";
    private static TestingServer zookeeper;

    private final List<RunningHub> running = new ArrayList<>();

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zookeeper = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws IOException {
        zookeeper.close();
    }

    @AfterEach
    void stopHubs() {
        running.forEach(RunningHub::close);
    }

    @Test
    void theLeaderAloneRunsTheSingletonsAndAnotherTakesOverWhenItStops() throws Exception {
        Map<String, String> cluster = zooKeeperCluster("takeover");
        Path shared = Files.createTempDirectory("hub-shared-");
        RunningHub a = start(shared, cluster, "hub-a");
        RunningHub b = start(shared, cluster, "hub-b");
        RunningHub leader = awaitOneLeader(a, b);
        RunningHub follower = leader == a ? b : a;

        assertThat(status(leader, "inbox-files")).isEqualTo(ServiceStatus.Started);
        assertThat(status(follower, "inbox-files")).isEqualTo(ServiceStatus.Stopped);
        assertThat(status(follower, "schedule-inbox-files")).isEqualTo(ServiceStatus.Stopped);
        // HTTP is no singleton: the follower books a web order as the leader would.
        assertThat(follower.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(201);

        // Both watch one inbox; only the leader's consumer runs, so the file is booked once.
        leader.drop("xml/order.xml", "order.xml");
        leader.awaitSingle("done", "_order.xml");
        assertThat(leader.erpNumber("SELECT COUNT(*) FROM ORDHDR WHERE OHCREF = 'PO-77001'")).isEqualTo(1);

        JsonNode members = JSON.readTree(follower.get("/admin/cluster").body());
        assertThat(members.path("leader").asText()).isEqualTo(instance(leader));
        assertThat(members.path("service").asText()).isEqualTo("zookeeper");
        assertThat(members.path("members")).hasSize(2);
        assertThat(members.path("singletons").toString()).contains("inbox-files", "erp-shipments", "schedule-webstore-orders");
        // Each advertises where the others reach it: by default its host name and port.
        assertThat(members.path("members").findValuesAsText("advertisedUrl"))
                .containsExactlyInAnyOrder(advertisedUrl(leader), advertisedUrl(follower));
        assertThat(members.path("singletonStatusHere").path("inbox-files").asText()).isEqualTo("Stopped");

        // What runs once among the hubs runs now on the leader only, where it cannot overlap its schedule:
        // the follower forwards it there, as a browser on the follower's console sends it.
        HttpResponse<String> forwarded = follower.post("/admin/routes/inbox-files/run", new byte[0], "Content-Type", "application/json",
                "Origin", follower.baseUrl(), "Sec-Fetch-Site", "same-origin",
                "Authorization", RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD));
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
        assertThat(forwarded.headers().firstValue("Hub-Handled-By")).hasValue(instance(leader));
        assertThat(forwarded.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JSON.readTree(forwarded.body()).path("routeId").asText()).isEqualTo("inbox-files");
        HttpResponse<String> journal = follower.admin("POST", "/admin/accounting/journal", null);
        assertThat(journal.statusCode()).as(journal.body()).isEqualTo(200);
        assertThat(journal.headers().firstValue("Hub-Handled-By")).hasValue(instance(leader));
        // The leader's refusals come back as they are; a wrong password is refused here, before anything is forwarded.
        HttpResponse<String> unknownRoute = follower.admin("POST", "/admin/routes/no-such-route/run", null);
        assertThat(unknownRoute.statusCode()).isEqualTo(404);
        assertThat(unknownRoute.headers().firstValue("Hub-Handled-By")).hasValue(instance(leader));
        assertThat(follower.adminAs("admin", "wrong", "POST", "/admin/routes/inbox-files/run", null).statusCode()).isEqualTo(401);
        // A request forwarded to an instance that does not lead is not forwarded again: 409 as before forwarding.
        HttpResponse<String> refused = follower.post("/admin/routes/inbox-files/run", new byte[0], "Content-Type", "application/json",
                "Hub-Forwarded-By", "hub-elsewhere", "Authorization", RunningHub.basic("admin", RunningHub.ADMIN_PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not-the-leader", "hub-elsewhere forwarded this here", "ask " + instance(leader));
        HttpResponse<String> onTheLeader = leader.admin("POST", "/admin/routes/inbox-files/run", null);
        assertThat(onTheLeader.statusCode()).isEqualTo(200);
        assertThat(onTheLeader.headers().firstValue("Hub-Handled-By")).hasValue(instance(leader));
        JsonNode health = JSON.readTree(leader.anonymousGet("/observe/health?exposureLevel=full&data=true").body());
        assertThat(health.toString()).contains(instance(leader) + " leads");

        leader.close();
        running.remove(leader);
        Awaitility.await("takeover").atMost(TAKEOVER).pollInterval(Duration.ofMillis(100))
                .until(() -> leads(follower) && status(follower, "inbox-files") == ServiceStatus.Started);
        follower.drop("business-documents/opentrans-order.xml", "after-takeover.xml");
        follower.awaitSingle("done", "_after-takeover.xml");
        assertThat(follower.listing("done")).hasSize(2);
        Awaitility.await("the stopped leader leaves").atMost(Duration.ofSeconds(5))
                .until(() -> JSON.readTree(follower.get("/admin/cluster").body()).path("members").size() == 1);
    }

    @Test
    void aLeaderThatCannotBeReachedIsA503WithRetryAfter() throws Exception {
        Map<String, String> cluster = zooKeeperCluster("unreachable");
        // Nothing listens on port 1: whichever leads, a follower cannot reach it there.
        cluster.put("hub.cluster.advertised-url", "http://127.0.0.1:1");
        Path shared = Files.createTempDirectory("hub-shared-");
        RunningHub a = start(shared, cluster, "hub-a");
        RunningHub b = start(shared, cluster, "hub-b");
        RunningHub leader = awaitOneLeader(a, b);
        RunningHub follower = leader == a ? b : a;

        HttpResponse<String> unavailable = follower.admin("POST", "/admin/routes/inbox-files/run", null);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        JsonNode problem = JSON.readTree(unavailable.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:backoffice-hub:problem:leader-unavailable");
        assertThat(problem.path("detail").asText()).contains(instance(leader), "cannot be reached at http://127.0.0.1:1");
        // The leader itself runs it as ever.
        assertThat(leader.admin("POST", "/admin/routes/inbox-files/run", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theLeaderSignsTheCallerOfAForwardedRequestInItself() throws Exception {
        Map<String, String> cluster = zooKeeperCluster("sign-in");
        Path shared = Files.createTempDirectory("hub-shared-");
        // The same user with another role on each: the follower lets fritz change things, the leader does not.
        Map<String, String> onA = new HashMap<>(cluster);
        onA.put("hub.security.users-file", usersFile("fritz", Role.OPERATOR).toString());
        RunningHub a = start(shared, onA, "hub-a");
        Awaitility.await("hub-a leads alone").atMost(TAKEOVER).pollInterval(Duration.ofMillis(100)).until(() -> leads(a));
        Map<String, String> onB = new HashMap<>(cluster);
        onB.put("hub.security.users-file", usersFile("fritz", Role.ADMIN).toString());
        RunningHub b = start(shared, onB, "hub-b");
        assertThat(leads(b)).isFalse();

        HttpResponse<String> refused = b.adminAs("fritz", FRITZ_PASSWORD, "POST", "/admin/routes/inbox-files/run", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Hub-Handled-By")).hasValue("hub-a");
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).contains("fritz may not change");
        // The administrator known to both is let through by both.
        assertThat(b.admin("POST", "/admin/routes/inbox-files/run", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aModeSwitchedOnOneHubIsTakenUpByTheOther() throws Exception {
        Map<String, String> cluster = zooKeeperCluster("modes");
        Path shared = Files.createTempDirectory("hub-shared-");
        RunningHub a = start(shared, cluster, "hub-a");
        RunningHub b = start(shared, cluster, "hub-b");

        HttpResponse<String> switched = a.admin("PUT", "/admin/routes/webstore-orders/mode", "{\"mode\":\"batch\",\"cron\":\"0 0 3 * * ?\"}");
        assertThat(switched.statusCode()).isEqualTo(200);

        RouteModes modesOfB = b.camel().getRegistry().findSingleByType(RouteModes.class);
        Awaitility.await("b in batch mode").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> modesOfB.inBatchMode("webstore-orders") && drainedByQuartz(b, "webstore-orders"));
        // b stages what it takes now, as a would.
        assertThat(b.postJson("/api/orders", Samples.bytes("webstore/order.json")).statusCode()).isEqualTo(202);
    }

    @Test
    void aFileLockOnSharedStorageElectsOneAndHandsOverWhenItStops() throws Exception {
        Path shared = Files.createTempDirectory("hub-shared-");
        Map<String, String> cluster = databases();
        cluster.put("hub.cluster.service", "file");
        cluster.put("hub.cluster.file.interval-ms", "500");
        RunningHub a = start(shared, cluster, "hub-a");
        RunningHub b = start(shared, cluster, "hub-b");
        RunningHub leader = awaitOneLeader(a, b);
        RunningHub follower = leader == a ? b : a;
        assertThat(status(follower, "inbox-files")).isEqualTo(ServiceStatus.Stopped);

        leader.close();
        running.remove(leader);
        Awaitility.await("takeover").atMost(TAKEOVER).pollInterval(Duration.ofMillis(100))
                .until(() -> leads(follower) && status(follower, "inbox-files") == ServiceStatus.Started);
        follower.drop("xml/order.xml", "order.xml");
        follower.awaitSingle("done", "_order.xml");
    }

    private static Path usersFile(String user, Role role) throws IOException {
        Path file = Files.createTempDirectory("hub-users-").resolve("users.properties");
        new UsersFile(file).put(new UsersFile.Entry(user, Set.of(role), new PasswordHashes(4).hash(FRITZ_PASSWORD)));
        return file;
    }

    private Map<String, String> zooKeeperCluster(String name) {
        Map<String, String> cluster = databases();
        cluster.put("hub.cluster.service", "zookeeper");
        cluster.put("hub.cluster.zookeeper.nodes", zookeeper.getConnectString());
        cluster.put("hub.cluster.zookeeper.base-path", "/hub-" + name);
        return cluster;
    }

    /** One hub store and one ERP, both on PostgreSQL, for every hub of a test. */
    private static Map<String, String> databases() {
        TestDatabase postgres = TestDatabase.POSTGRES;
        Map<String, String> settings = new HashMap<>();
        settings.put("hub.store.url", postgres.newDatabaseUrl("hub"));
        settings.put("hub.store.user", postgres.user());
        settings.put("hub.erp.url", postgres.newDatabaseUrl("erp"));
        settings.put("hub.erp.user", postgres.user());
        settings.put("hub.cluster.refresh-ms", "500");
        return settings;
    }

    private RunningHub start(Path shared, Map<String, String> cluster, String instance) {
        Map<String, String> settings = new HashMap<>(cluster);
        settings.put("hub.cluster.instance", instance);
        // Two hubs in one JVM: Quartz keeps its schedulers by name in the JVM, named after the context.
        settings.put("camel.main.name", instance);
        RunningHub hub = RunningHub.start(shared, settings);
        running.add(hub);
        return hub;
    }

    private static RunningHub awaitOneLeader(RunningHub a, RunningHub b) {
        Awaitility.await("a leader").atMost(TAKEOVER).pollInterval(Duration.ofMillis(100))
                .until(() -> leads(a) != leads(b));
        RunningHub leader = leads(a) ? a : b;
        Awaitility.await("the leader's singletons").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(leader, "inbox-files") == ServiceStatus.Started);
        return leader;
    }

    /** The route's schedule is its batch-mode Quartz cron (the schedule route is briefly absent while it is replaced). */
    private static boolean drainedByQuartz(RunningHub hub, String routeId) {
        Route schedule = hub.camel().getRoute("schedule-" + routeId);
        return schedule != null && schedule.getEndpoint().getEndpointUri().startsWith("quartz:");
    }

    private static boolean leads(RunningHub hub) {
        return hub.camel().getRegistry().lookupByNameAndType("leadership", Leadership.class).leads();
    }

    /** The default hub.cluster.advertised-url: this host's name (as ClusterConfiguration finds it) and the hub's port. */
    private static String advertisedUrl(RunningHub hub) throws Exception {
        String host = System.getenv("HOSTNAME");
        return "http://" + (host == null || host.isBlank() ? java.net.InetAddress.getLocalHost().getHostName() : host.trim()) + ":" + hub.port();
    }

    private static String instance(RunningHub hub) {
        return hub.camel().getRegistry().lookupByNameAndType("leadership", Leadership.class).instanceId();
    }

    private static ServiceStatus status(RunningHub hub, String routeId) {
        return hub.camel().getRouteController().getRouteStatus(routeId);
    }
}
