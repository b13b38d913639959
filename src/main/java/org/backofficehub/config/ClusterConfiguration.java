package org.backofficehub.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.cluster.ClusterMembers;
import org.backofficehub.cluster.Leadership;
import org.backofficehub.cluster.SingleHubPolicy;
import org.backofficehub.observe.LeadershipHealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several hubs on one hub store (hub.cluster.service): the consumers that must run once among them,
 * the singletons, declare {@code routePolicy: singleton} in their YAML. Bound here, that policy is
 * Camel's {@link ClusteredRoutePolicy} on the configured cluster service (ZooKeeper, or a file lock
 * on shared storage), which starts those routes on the elected leader only and stops them when it
 * loses leadership; or, for a hub alone (none), a policy that changes nothing.
 *
 * <p>A route policy rather than the {@code master:} component: the endpoints stay as they are (route
 * templates take their URIs from configuration), a reader sees in each route's YAML that it is a
 * singleton, and a follower's singletons show as stopped rather than as running without consuming.
 * One election (hub.cluster.namespace) for every singleton, not one per route: the leader runs them
 * all, so the drains and the back office's workers that hold off during a drain (DrainWindow,
 * in-process) stay on one machine, and a takeover moves everything at once.
 */
public class ClusterConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Override
    public void configure(CamelContext camel) throws Exception {
        String service = setting(camel, "hub.cluster.service").toLowerCase(Locale.ROOT);
        String instance = setting(camel, "hub.cluster.instance");
        if (instance.isEmpty()) {
            instance = hostName() + "-" + ProcessHandle.current().pid();
        }
        long refreshMillis = Long.parseLong(setting(camel, "hub.cluster.refresh-ms"));
        Leadership leadership;
        RoutePolicy singleton;
        if (service.equals("none")) {
            leadership = Leadership.alone(instance);
            singleton = new SingleHubPolicy();
        } else {
            CamelClusterService cluster = clusterService(camel, service, instance);
            // Added before the routes: it stops after them, so the leader hands over only once its singletons have stopped.
            camel.addService(cluster, true, true);
            ClusteredRoutePolicy policy = ClusteredRoutePolicy.forNamespace(cluster, setting(camel, "hub.cluster.namespace"));
            policy.setCamelContext(camel);
            leadership = new Leadership(instance, service, policy::isLeader);
            singleton = policy;
            LOG.info("Hub instance {} on cluster service {}: the singletons run while it leads", instance, service);
        }
        camel.getRegistry().bind("singleton", singleton);
        camel.getRegistry().bind("leadership", leadership);
        HealthCheckRegistry.get(camel).register(new LeadershipHealthCheck(leadership));
        DataSource hubStore = camel.getRegistry().lookupByNameAndType("hubStore", DataSource.class);
        Clock clock = camel.getRegistry().findSingleByType(Clock.class);
        // A member is seen while its heartbeats come: a few missed ones (a long GC, a slow store) are not yet a death.
        ClusterMembers members = new ClusterMembers(hubStore, clock, leadership, Duration.ofMillis(refreshMillis * 3),
                advertisedUrl(camel));
        camel.getRegistry().bind("clusterMembers", members);
        FullyStarted.then(camel, context -> members.join());
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                try {
                    members.leave();
                } catch (RuntimeException e) {
                    LOG.warn("{} is left in cluster_member: {}", members.leadership().instanceId(), e.getMessage());
                }
            }
        }, true, true);
    }

    private static CamelClusterService clusterService(CamelContext camel, String service, String instance) {
        switch (service) {
            case "zookeeper" -> {
                ZooKeeperClusterService zookeeper = new ZooKeeperClusterService();
                zookeeper.setId(instance);
                zookeeper.setNodes(setting(camel, "hub.cluster.zookeeper.nodes"));
                zookeeper.setBasePath(setting(camel, "hub.cluster.zookeeper.base-path"));
                // A killed leader's election node goes with its session: this bounds the takeover.
                long sessionTimeout = Long.parseLong(setting(camel, "hub.cluster.zookeeper.session-timeout-ms"));
                zookeeper.setSessionTimeout(sessionTimeout);
                // Curator's 15 s to connect would outlast a shorter session.
                zookeeper.setConnectTimeout(Math.min(sessionTimeout, 15_000));
                return zookeeper;
            }
            case "file" -> {
                FileLockClusterService file = new FileLockClusterService();
                file.setId(instance);
                file.setRoot(Path.of(setting(camel, "hub.cluster.file.root")).toAbsolutePath().toString());
                long interval = Long.parseLong(setting(camel, "hub.cluster.file.interval-ms"));
                file.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
                file.setAcquireLockDelay(interval, TimeUnit.MILLISECONDS);
                return file;
            }
            default -> throw new IllegalStateException("hub.cluster.service = " + service + " is none of none, zookeeper, file");
        }
    }

    /**
     * Where the other instances reach this one (a follower forwards the leader's work to it):
     * hub.cluster.advertised-url, else this host's name and camel.server.port, over https when the
     * port speaks TLS (hub.http.tls.keystore).
     */
    private static String advertisedUrl(CamelContext camel) {
        String configured = setting(camel, "hub.cluster.advertised-url");
        String url = configured.isEmpty()
                ? (setting(camel, "hub.http.tls.keystore").isEmpty() ? "http" : "https") + "://" + hostName() + ":"
                        + setting(camel, "camel.server.port")
                : configured;
        try {
            URI uri = new URI(url);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http:// or https:// URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("hub.cluster.advertised-url = " + url + " is no address the other hubs can reach: "
                    + e.getMessage() + " (e.g. http://hub-1.example.com:8080)");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hub";
        }
    }

    private static String setting(CamelContext camel, String key) {
        return camel.getPropertiesComponent().resolveProperty(key)
                .orElseThrow(() -> new IllegalStateException("Setting " + key + " is missing; config/application.properties has every setting"))
                .trim();
    }
}
