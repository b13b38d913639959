package org.backofficehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.model.RetryLaterException;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which instance a follower forwards the leader's work to, as the rows of cluster_member on a
 * migrated H2 hub store say it: the one seen leading, with the address it advertised; else a 503.
 */
class ClusterMembersTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration SEEN_WITHIN = Duration.ofMillis(1500);

    private final HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
    private final ClusterMembers follower = new ClusterMembers(hubStore, Clock.fixed(NOW, ZoneOffset.UTC),
            new Leadership("hub-b", "zookeeper", () -> false), SEEN_WITHIN, "http://hub-b.internal:8080");

    @AfterEach
    void close() {
        hubStore.close();
    }

    @Test
    void theHeartbeatRecordsWhereTheOthersReachThisInstance() {
        follower.join();

        assertThat(follower.all()).singleElement().satisfies(member -> {
            assertThat(member.advertisedUrl()).isEqualTo("http://hub-b.internal:8080");
            assertThat(member.local()).isTrue();
            assertThat(member.leader()).isFalse();
        });
    }

    @Test
    void theInstanceSeenLeadingIsTheOneToForwardTo() throws Exception {
        follower.join();
        row("hub-a", NOW.minusMillis(500), true, "http://hub-a.internal:8080");

        ClusterMember leader = follower.leaderToForwardTo();

        assertThat(leader.instanceId()).isEqualTo("hub-a");
        assertThat(leader.advertisedUrl()).isEqualTo("http://hub-a.internal:8080");
    }

    @Test
    void aKilledLeaderStillSeenGivesWayToTheOneElectedAfterIt() throws Exception {
        follower.join();
        // Killed a second ago, still within its heartbeats' grace; its successor has beaten since.
        row("hub-a", NOW.minusMillis(1000), true, "http://hub-a.internal:8080");
        row("hub-c", NOW.minusMillis(100), true, "http://hub-c.internal:8080");

        assertThat(follower.leaderToForwardTo().instanceId()).isEqualTo("hub-c");
        assertThat(ClusterMembers.leaderAmong(follower.all())).map(ClusterMember::instanceId).hasValue("hub-c");
    }

    @Test
    void noneSeenLeadingIsA503ToRetryOnceTheHeartbeatsShowANewLeader() throws Exception {
        follower.join();
        // A leader killed a while ago: its row says it leads, but its heartbeats stopped.
        row("hub-a", NOW.minusSeconds(60), true, "http://hub-a.internal:8080");

        assertThatThrownBy(follower::leaderToForwardTo).isInstanceOfSatisfying(RetryLaterException.class, unavailable -> {
            assertThat(unavailable.type()).isEqualTo(ProblemType.LEADER_UNAVAILABLE);
            assertThat(unavailable.type().httpStatus()).isEqualTo(503);
            assertThat(unavailable.retryAfterSeconds()).isEqualTo(2);
            assertThat(unavailable.getMessage()).contains("no other instance is seen leading");
        });
    }

    @Test
    void aLeaderWithoutAnAddressIsA503NamingIt() throws Exception {
        follower.join();
        // Written by an instance of a version before hub.cluster.advertised-url.
        row("hub-a", NOW, true, null);

        assertThatThrownBy(follower::leaderToForwardTo).isInstanceOfSatisfying(RetryLaterException.class, unavailable ->
                assertThat(unavailable.getMessage()).contains("hub-a leads the hubs but has recorded no address"));
    }

    @Test
    void aForwardedRequestIsRefusedNotForwardedAgain() throws Exception {
        follower.join();
        row("hub-a", NOW, true, "http://hub-a.internal:8080");

        assertThatThrownBy(() -> follower.refuseForwarded("hub-c")).isInstanceOfSatisfying(InputRejectedException.class, refused -> {
            assertThat(refused.type()).isEqualTo(ProblemType.NOT_THE_LEADER);
            assertThat(refused.getMessage()).contains("hub-c forwarded this here", "ask hub-a");
        });
    }

    private void row(String instance, Instant lastSeen, boolean leader, String advertisedUrl) throws Exception {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO cluster_member"
                     + " (instance_id, service, started_at, last_seen, leader, advertised_url) VALUES (?, 'zookeeper', ?, ?, ?, ?)")) {
            insert.setString(1, instance);
            insert.setTimestamp(2, Timestamp.from(NOW.minusSeconds(3600)));
            insert.setTimestamp(3, Timestamp.from(lastSeen));
            insert.setBoolean(4, leader);
            insert.setString(5, advertisedUrl);
            insert.executeUpdate();
        }
    }
}
