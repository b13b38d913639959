package org.backofficehub.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.model.RetryLaterException;
import org.backofficehub.store.HubStoreException;

/**
 * The hub instances sharing one hub store (table cluster_member): each writes its own row at start
 * and on every heartbeat, with whether it leads and where the others reach it (its advertised URL),
 * and removes it when it stops. A row whose heartbeat is older than {@code seenWithin} is an
 * instance that was killed or lost the database.
 */
public final class ClusterMembers {

    private final DataSource hubStore;
    private final Clock clock;
    private final Leadership leadership;
    private final Duration seenWithin;
    private final String advertisedUrl;
    private volatile Instant startedAt;

    public ClusterMembers(DataSource hubStore, Clock clock, Leadership leadership, Duration seenWithin, String advertisedUrl) {
        this.hubStore = hubStore;
        this.clock = clock;
        this.leadership = leadership;
        this.seenWithin = seenWithin;
        this.advertisedUrl = advertisedUrl;
    }

    public Leadership leadership() {
        return leadership;
    }

    /** Writes this instance's row; a row of the same id left by a killed predecessor is taken over. */
    public void join() {
        startedAt = clock.instant();
        heartbeat();
    }

    /**
     * Updates this instance's row (inserting it again should someone have removed it). Synchronized:
     * the heartbeat timer's first beat may come while {@link #join} runs, and both would insert.
     */
    public synchronized void heartbeat() {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        boolean leads = leadership.leads();
        try (Connection connection = hubStore.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE cluster_member SET service = ?, started_at = ?, last_seen = ?, leader = ?, advertised_url = ? WHERE instance_id = ?")) {
                update.setString(1, leadership.service());
                update.setTimestamp(2, Timestamp.from(startedAt));
                update.setTimestamp(3, Timestamp.from(now));
                update.setBoolean(4, leads);
                update.setString(5, advertisedUrl);
                update.setString(6, leadership.instanceId());
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO cluster_member (instance_id, service, started_at, last_seen, leader, advertised_url) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, leadership.instanceId());
                insert.setString(2, leadership.service());
                insert.setTimestamp(3, Timestamp.from(startedAt));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setBoolean(5, leads);
                insert.setString(6, advertisedUrl);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record the heartbeat of " + leadership.instanceId() + ": " + e.getMessage(), e);
        }
    }

    /** Removes this instance's row: it stops. */
    public void leave() {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM cluster_member WHERE instance_id = ?")) {
            delete.setString(1, leadership.instanceId());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot remove " + leadership.instanceId() + " from the cluster members: " + e.getMessage(), e);
        }
    }

    /** Where the other instances reach this one over HTTP (hub.cluster.advertised-url). */
    public String advertisedUrl() {
        return advertisedUrl;
    }

    /**
     * Refuses, on an instance that does not lead, what an administrator asks to run now of the
     * singletons' work (a drain, closing the journal, an import), when another instance forwarded it
     * here, taking this one for the leader: it runs on the leader only, where it cannot overlap the
     * scheduled run, and a forwarded request is never forwarded again (two instances with an old view
     * of the election would pass it back and forth). The caller hears 409 not-the-leader, naming the leader.
     */
    public void refuseForwarded(String forwardedBy) {
        throw notTheLeader(" (" + printable(forwardedBy) + " forwarded this here; a forwarded request is not forwarded again)");
    }

    /**
     * The leader a follower forwards a leader-only request to: the instance whose last heartbeat
     * says it leads, with the address it advertised. None (an election under way, the leader just
     * killed) or one without an address: 503 leader-unavailable, to try again once the heartbeats
     * have shown the new leader.
     */
    public ClusterMember leaderToForwardTo() {
        ClusterMember leader = leaderAmong(all().stream().filter(member -> !member.local()).toList())
                .orElseThrow(() -> leaderUnavailable(leadership.instanceId() + " does not lead the hubs, and no other instance"
                        + " is seen leading right now (an election under way?): try again shortly (GET /admin/cluster)"));
        if (leader.advertisedUrl() == null || leader.advertisedUrl().isBlank()) {
            throw leaderUnavailable(leader.instanceId() + " leads the hubs but has recorded no address to forward this to"
                    + " (an instance of an older version: upgrade it, or send this to it directly)");
        }
        return leader;
    }

    /**
     * Which of these members leads: this instance if it does (its flag is live); otherwise, of those
     * whose last heartbeat said so, the latest. A killed leader's row says so until it is no longer
     * seen, which a short ZooKeeper session can outlast: its successor has heartbeats after it.
     */
    public static Optional<ClusterMember> leaderAmong(List<ClusterMember> members) {
        return members.stream().filter(ClusterMember::leader)
                .max(Comparator.comparing(ClusterMember::local).thenComparing(ClusterMember::lastSeen));
    }

    /** A 503 leader-unavailable, with Retry-After: the time in which a new leader's heartbeat shows. */
    public RetryLaterException leaderUnavailable(String detail) {
        return new RetryLaterException(ProblemType.LEADER_UNAVAILABLE, detail, Math.max(1, (seenWithin.toMillis() + 999) / 1000));
    }

    private InputRejectedException notTheLeader(String why) {
        String leader = leaderAmong(all()).map(ClusterMember::instanceId).orElse(null);
        return new InputRejectedException(ProblemType.NOT_THE_LEADER, leadership.instanceId() + " does not lead the hubs" + why + ": "
                + (leader == null ? "none does right now, try again shortly" : "ask " + leader + ", which does") + " (GET /admin/cluster)");
    }

    private static String printable(String value) {
        String text = value == null ? "" : value;
        return (text.length() > 128 ? text.substring(0, 128) + "…" : text).replaceAll("\\p{Cntrl}", "?");
    }

    /** Every instance with a row, oldest first; this one's leader flag is read live, the others' from their last heartbeat. */
    public List<ClusterMember> all() {
        Instant seenSince = clock.instant().minus(seenWithin);
        List<ClusterMember> members = new ArrayList<>();
        try (Connection connection = hubStore.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT instance_id, service, started_at, last_seen, leader, advertised_url FROM cluster_member"
                             + " ORDER BY started_at, instance_id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                boolean local = id.equals(leadership.instanceId());
                Instant lastSeen = rs.getTimestamp(4).toInstant();
                boolean seen = local || !lastSeen.isBefore(seenSince);
                boolean leader = local ? leadership.leads() : seen && rs.getBoolean(5);
                members.add(new ClusterMember(id, rs.getString(2), rs.getTimestamp(3).toInstant(), lastSeen, leader, seen, local,
                        rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot list the cluster members: " + e.getMessage(), e);
        }
        return members;
    }
}
