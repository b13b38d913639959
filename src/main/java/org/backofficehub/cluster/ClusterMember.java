package org.backofficehub.cluster;

import java.time.Instant;

/**
 * A hub instance on the hub store as the others see it: seen means its heartbeat is recent, and
 * only then does its leader flag count. Its advertised URL is where the others reach it over HTTP
 * (null for a row an instance of an older version wrote).
 */
public record ClusterMember(String instanceId, String service, Instant startedAt, Instant lastSeen, boolean leader,
                            boolean seen, boolean local, String advertisedUrl) {
}
