package org.backofficehub.edi.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/**
 * Every interchange received or sent, in the hub store: inbound ones for duplicate detection and
 * their outcome, outbound ones with the acknowledgement the partner returned.
 *
 * <p>Inbound states: {@code receiving} (being read now, or cut short by a crash), {@code completed}
 * (every message accepted and every order booked or staged, or every acknowledgement in it
 * matched), {@code partial} (some messages or orders refused, at least one got through),
 * {@code rejected} (refused as a whole, or none of its messages got through), {@code unmatched}
 * (it carries acknowledgements of interchanges the hub never sent), {@code failed} (the hub could
 * not finish it: its acknowledgement could not be written, or its processing stopped); the record's
 * {@code detail} says what in particular.
 *
 * <p>An inbound interchange is read by one delivery at a time: {@link #arrived} claims it, and the
 * same interchange arriving under another file name meanwhile is {@link Arrival#IN_PROGRESS}, to
 * be refused as a duplicate. The claim ends with {@link #finished} or {@link #abandoned}. One left
 * by a crash is taken over by the next arrival: at once on the same hub instance (the same data
 * directory), after the claim's lease (renewed by {@link #stillReceiving}) on another.
 */
public final class InterchangeRegistry {

    private volatile java.util.function.BiConsumer<String, String> sentListener = (partner, type) -> { };

    private static final Logger LOG = LoggerFactory.getLogger(InterchangeRegistry.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** How long another instance's claim holds without word from it. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

    public enum Arrival {
        /** Never seen before: read it. */
        NEW,
        /** Seen, but not done with (cut short by a crash, failed, or refused in whole or in part): read it again. */
        RESUMED,
        /** Done with before (completed, or its acknowledgements recorded as unmatched). */
        DUPLICATE,
        /**
         * Done with before, from this very file read again: a crash came after it was read to the end
         * and before it left the inbox. Nothing to do again, nor to answer: its acknowledgement went
         * out the first time.
         */
        ALREADY_READ,
        /** Being read right now, from another file: a duplicate too. */
        IN_PROGRESS
    }

    public record Interchange(long id, String direction, String partnerId, String controlNumber, String groupNumber,
                              String standard, String documentType, int messages, String state, String detail, String ackStatus,
                              String ackDetail, String fileName, Instant createdAt, Instant updatedAt) {
    }

    private final DataSource hubStore;
    private final Clock clock;
    private final String instance;
    private final Duration lease;
    /** The interchanges this instance is reading now, with the token of its claim. */
    private final Map<Key, Claim> claims = new ConcurrentHashMap<>();

    /** A registry that takes over claims left by a crash only after their lease: for tests and single reads. */
    public InterchangeRegistry(DataSource hubStore, Clock clock) {
        this(hubStore, clock, "hub-" + UUID.randomUUID(), DEFAULT_LEASE);
    }

    /**
     * @param instance names this hub instance for good (its host and data directory): a claim it left
     *                 behind by a crash is its own to take over at once after a restart
     * @param lease    how long a claim of another instance holds without being renewed
     */
    public InterchangeRegistry(DataSource hubStore, Clock clock, String instance, Duration lease) {
        this.hubStore = hubStore;
        this.clock = clock;
        this.instance = truncate(instance, 255);
        this.lease = lease;
    }

    /**
     * Records an inbound interchange's arrival and claims it for reading. One done with before is a
     * duplicate; one being read right now (from another file) is in progress, a duplicate too. One
     * cut short by a crash, failed, or rejected in whole or in part may come back (corrected, or
     * replayed by an administrator): those are read again, and exactly-once booking keeps what was
     * booked the first time from being booked twice.
     */
    public Arrival arrived(String partnerId, Envelope envelope, String fileName) {
        return arrived(partnerId, envelope, fileName, false);
    }

    /**
     * As {@link #arrived(String, Envelope, String)}, from a file whose reading began before
     * ({@code sameFileAgain}: a crash or a takeover cut it short or kept the file in the inbox). One
     * done with before is then {@link Arrival#ALREADY_READ}; one left being received, even under
     * another instance's fresh claim, is that reading's, which has ended: it is read again.
     */
    public Arrival arrived(String partnerId, Envelope envelope, String fileName, boolean sameFileAgain) {
        Key key = new Key(partnerId, envelope.controlNumber());
        Claim mine = new Claim(UUID.randomUUID().toString(), clock.instant());
        if (claims.putIfAbsent(key, mine) != null) {
            return Arrival.IN_PROGRESS;
        }
        Arrival arrival = Arrival.IN_PROGRESS;
        try {
            arrival = claim(key, mine, envelope, fileName, sameFileAgain);
            return arrival;
        } finally {
            if (arrival != Arrival.NEW && arrival != Arrival.RESUMED) {
                claims.remove(key, mine);
            }
        }
    }

    private Arrival claim(Key key, Claim mine, Envelope envelope, String fileName, boolean sameFileAgain) {
        try (Connection connection = hubStore.getConnection()) {
            for (int attempt = 0; attempt < 5; attempt++) {
                Timestamp now = Timestamp.from(clock.instant());
                Row row = find(connection, key);
                if (row == null) {
                    if (insert(connection, key, mine, envelope, fileName, now)) {
                        return Arrival.NEW;
                    }
                    continue; // inserted by another instance at the same moment
                }
                switch (row.state()) {
                    case "completed", "unmatched" -> {
                        return sameFileAgain ? Arrival.ALREADY_READ : Arrival.DUPLICATE;
                    }
                    case "receiving" -> {
                        boolean othersAndFresh = !instance.equals(row.claimedBy()) && row.claimedAt() != null
                                && row.claimedAt().toInstant().plus(lease).isAfter(now.toInstant());
                        if (othersAndFresh && !sameFileAgain) {
                            return Arrival.IN_PROGRESS;
                        }
                        LOG.info("Interchange {} from {} was left being received by {}; read again", key.controlNumber(),
                                key.partnerId(), row.claimedBy() == null ? "an earlier run" : row.claimedBy());
                    }
                    default -> {
                        // partial, rejected, failed: read again
                    }
                }
                if (takeOver(connection, row, mine, fileName, now)) {
                    return Arrival.RESUMED;
                }
            }
            return Arrival.IN_PROGRESS; // others keep changing it: someone is at it
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record interchange " + key.controlNumber() + " from " + key.partnerId(), e);
        }
    }

    private boolean insert(Connection connection, Key key, Claim mine, Envelope envelope, String fileName, Timestamp now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO edi_interchange (direction, partner_id, control_number, standard, document_type, messages, state,"
                        + " file_name, claim_token, claimed_by, claimed_at, created_at, updated_at)"
                        + " VALUES ('in', ?, ?, ?, '', 0, 'receiving', ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.partnerId());
            insert.setString(2, key.controlNumber());
            insert.setString(3, envelope.standard().name());
            insert.setString(4, truncate(fileName, 255));
            insert.setString(5, mine.token());
            insert.setString(6, instance);
            insert.setTimestamp(7, now);
            insert.setTimestamp(8, now);
            insert.setTimestamp(9, now);
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Claims an interchange found in this state with this claim, unless someone changed it meanwhile. */
    private boolean takeOver(Connection connection, Row row, Claim mine, String fileName, Timestamp now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE edi_interchange SET state = 'receiving', state_detail = NULL, claim_token = ?, claimed_by = ?, claimed_at = ?,"
                        + " file_name = ?, updated_at = ? WHERE id = ? AND state = ? AND COALESCE(claim_token, '') = ?")) {
            update.setString(1, mine.token());
            update.setString(2, instance);
            update.setTimestamp(3, now);
            update.setString(4, truncate(fileName, 255));
            update.setTimestamp(5, now);
            update.setLong(6, row.id());
            update.setString(7, row.state());
            update.setString(8, row.claimToken() == null ? "" : row.claimToken());
            return update.executeUpdate() == 1;
        }
    }

    /** The reading of a claimed interchange goes on (a chunk of its orders answered): renews the claim's lease now and then. */
    public void stillReceiving(String partnerId, String controlNumber) {
        Claim claim = claims.get(new Key(partnerId, controlNumber));
        Instant now = clock.instant();
        if (claim == null || Duration.between(claim.renewed(), now).compareTo(lease.dividedBy(10)) < 0) {
            return;
        }
        claim.renew(now);
        update("UPDATE edi_interchange SET claimed_at = ? WHERE direction = 'in' AND partner_id = ? AND control_number = ? AND claim_token = ?",
                Timestamp.from(now), partnerId, controlNumber, claim.token());
    }

    /**
     * Marks an inbound interchange done ({@code completed}, {@code partial}, {@code rejected},
     * {@code unmatched} or {@code failed}, with what in particular) and ends this instance's claim.
     */
    public void finished(String partnerId, String controlNumber, String state, String documentTypes, int messages, String detail) {
        Claim claim = claims.remove(new Key(partnerId, controlNumber));
        String sql = "UPDATE edi_interchange SET state = ?, state_detail = ?, document_type = ?, messages = ?, claim_token = NULL,"
                + " updated_at = ? WHERE direction = 'in' AND partner_id = ? AND control_number = ?";
        Timestamp now = Timestamp.from(clock.instant());
        int updated = claim == null
                ? update(sql, state, truncate(detail, 1000), truncate(documentTypes, 16), messages, now, partnerId, controlNumber)
                : update(sql + " AND claim_token = ?", state, truncate(detail, 1000), truncate(documentTypes, 16), messages, now, partnerId,
                        controlNumber, claim.token());
        if (updated == 0) {
            LOG.warn("Interchange {} from {} was taken over by another delivery before this one finished it ({}); its record stays theirs",
                    controlNumber, partnerId, state);
        }
    }

    /** As {@link #finished(String, String, String, String, int, String)}, with nothing in particular to say. */
    public void finished(String partnerId, String controlNumber, String state, String documentTypes, int messages) {
        finished(partnerId, controlNumber, state, documentTypes, messages, null);
    }

    /**
     * The reading of a claimed interchange stopped before it was finished (a failure): the
     * interchange is {@code failed}, read again when it arrives again (or is replayed), and the
     * claim ends. Nothing if this instance holds no claim on it.
     */
    public void abandoned(String partnerId, String controlNumber, String detail) {
        Claim claim = claims.remove(new Key(partnerId, controlNumber));
        if (claim == null) {
            return;
        }
        update("UPDATE edi_interchange SET state = 'failed', state_detail = ?, claim_token = NULL, updated_at = ?"
                        + " WHERE direction = 'in' AND partner_id = ? AND control_number = ? AND claim_token = ?",
                truncate(detail, 1000), Timestamp.from(clock.instant()), partnerId, controlNumber, claim.token());
    }

    /** Records an interchange the hub sent; acknowledgements are awaited unless it is one itself. */
    /** Told of every document written to a partner (partner id, document type): the metrics count them. */
    public void onSent(java.util.function.BiConsumer<String, String> listener) {
        this.sentListener = listener;
    }

    public void sent(String partnerId, EdiStandard standard, String controlNumber, String groupNumber, String documentType,
                     int messages, boolean ackExpected, String fileName) {
        Timestamp now = Timestamp.from(clock.instant());
        update("INSERT INTO edi_interchange (direction, partner_id, control_number, group_number, standard, document_type, messages, state, ack_status, file_name, created_at, updated_at)"
                        + " VALUES ('out', ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)",
                partnerId, controlNumber, groupNumber, standard.name(), documentType, messages,
                ackExpected ? "awaited" : "not-expected", truncate(fileName, 255), now, now);
        sentListener.accept(partnerId, documentType);
    }

    /**
     * Applies a partner's CONTRL to the interchange it acknowledges; false if the hub never sent it.
     * {@code ackInterchange} (may be null) is the partner's interchange the CONTRL came in: tracking
     * leads from either to the other.
     */
    public boolean acknowledgedInterchange(String partnerId, String controlNumber, String status, String detail, String ackInterchange) {
        return update("UPDATE edi_interchange SET ack_status = ?, ack_detail = ?, ack_interchange = ?, updated_at = ?"
                        + " WHERE direction = 'out' AND partner_id = ? AND control_number = ?",
                status, truncate(detail, 1000), truncate(ackInterchange, 35), Timestamp.from(clock.instant()), partnerId, controlNumber) > 0;
    }

    /** Applies a partner's 997/999 to the group it acknowledges; false if the hub never sent it. As above for {@code ackInterchange}. */
    public boolean acknowledgedGroup(String partnerId, String groupNumber, String status, String detail, String ackInterchange) {
        return update("UPDATE edi_interchange SET ack_status = ?, ack_detail = ?, ack_interchange = ?, updated_at = ?"
                        + " WHERE direction = 'out' AND partner_id = ? AND group_number = ?",
                status, truncate(detail, 1000), truncate(ackInterchange, 35), Timestamp.from(clock.instant()), partnerId, groupNumber) > 0;
    }

    public List<Interchange> list(String direction, String partnerId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, direction, partner_id, control_number, group_number, standard, document_type,"
                + " messages, state, state_detail, ack_status, ack_detail, file_name, created_at, updated_at FROM edi_interchange WHERE 1 = 1");
        List<String> parameters = new ArrayList<>();
        if (direction != null) {
            sql.append(" AND direction = ?");
            parameters.add(direction);
        }
        if (partnerId != null) {
            sql.append(" AND partner_id = ?");
            parameters.add(partnerId);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            List<Interchange> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(new Interchange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot list interchanges: " + e.getMessage(), e);
        }
    }

    private static Row find(Connection connection, Key key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, state, claim_token, claimed_by, claimed_at FROM edi_interchange"
                        + " WHERE direction = 'in' AND partner_id = ? AND control_number = ?")) {
            select.setString(1, key.partnerId());
            select.setString(2, key.controlNumber());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5)) : null;
            }
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new HubStoreException("EDI interchange registry: " + e.getMessage(), e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private record Key(String partnerId, String controlNumber) {
    }

    private record Row(long id, String state, String claimToken, String claimedBy, Timestamp claimedAt) {
    }

    /** This instance's claim on an interchange it is reading, and when it last renewed it in the store. */
    private static final class Claim {
        private final String token;
        private volatile Instant renewed;

        Claim(String token, Instant renewed) {
            this.token = token;
            this.renewed = renewed;
        }

        String token() {
            return token;
        }

        Instant renewed() {
            return renewed;
        }

        void renew(Instant now) {
            renewed = now;
        }
    }
}
