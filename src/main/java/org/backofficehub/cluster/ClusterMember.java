package org.backofficehub.cluster;

import java.time.Instant;

/**
 * A hub instance on the hub store as the others see it: seen means its heartbeat is recent, and
 * only then does its leader flag count.
 */
public record ClusterMember(String instanceId, String service, Instant startedAt, Instant lastSeen, boolean leader,
                            boolean seen, boolean local) {
}
