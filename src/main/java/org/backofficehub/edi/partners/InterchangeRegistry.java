package org.backofficehub.edi.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/**
 * Every interchange received or sent, in the hub store: inbound ones for duplicate detection,
 * outbound ones with the acknowledgement the partner returned.
 */
public final class InterchangeRegistry {

    public enum Arrival { NEW, RESUMED, DUPLICATE }

    public record Interchange(long id, String direction, String partnerId, String controlNumber, String groupNumber,
                              String standard, String documentType, int messages, String state, String ackStatus,
                              String ackDetail, String fileName, Instant createdAt, Instant updatedAt) {
    }

    private final DataSource hubStore;
    private final Clock clock;

    public InterchangeRegistry(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    /**
     * Records an inbound interchange's arrival. One completed before is a duplicate. One still
     * 'receiving' was interrupted by a crash, and one rejected in whole or in part may come back
     * corrected (from the partner, or replayed by an administrator): those are read again, and
     * exactly-once booking keeps what was booked the first time from being booked twice.
     */
    public Arrival arrived(String partnerId, Envelope envelope, String fileName) {
        try (Connection connection = hubStore.getConnection()) {
            String state = state(connection, "in", partnerId, envelope.controlNumber());
            if (state != null) {
                return "completed".equals(state) ? Arrival.DUPLICATE : Arrival.RESUMED;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO edi_interchange (direction, partner_id, control_number, standard, document_type, messages, state, file_name, created_at, updated_at)"
                            + " VALUES ('in', ?, ?, ?, '', 0, 'receiving', ?, ?, ?)")) {
                Timestamp now = Timestamp.from(clock.instant());
                insert.setString(1, partnerId);
                insert.setString(2, envelope.controlNumber());
                insert.setString(3, envelope.standard().name());
                insert.setString(4, truncate(fileName, 255));
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.executeUpdate();
                return Arrival.NEW;
            } catch (SQLException raced) {
                // Another file carried the same interchange at the same moment: it is the duplicate's twin.
                return Arrival.DUPLICATE;
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record interchange " + envelope.controlNumber() + " from " + partnerId, e);
        }
    }

    /** Marks an inbound interchange done: 'completed', 'partial' (some messages refused) or 'rejected'. */
    public void finished(String partnerId, String controlNumber, String state, String documentTypes, int messages) {
        update("UPDATE edi_interchange SET state = ?, document_type = ?, messages = ?, updated_at = ? WHERE direction = 'in' AND partner_id = ? AND control_number = ?",
                state, truncate(documentTypes, 16), messages, Timestamp.from(clock.instant()), partnerId, controlNumber);
    }

    /** Records an interchange the hub sent; acknowledgements are awaited unless it is one itself. */
    public void sent(String partnerId, EdiStandard standard, String controlNumber, String groupNumber, String documentType,
                     int messages, boolean ackExpected, String fileName) {
        Timestamp now = Timestamp.from(clock.instant());
        update("INSERT INTO edi_interchange (direction, partner_id, control_number, group_number, standard, document_type, messages, state, ack_status, file_name, created_at, updated_at)"
                        + " VALUES ('out', ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?)",
                partnerId, controlNumber, groupNumber, standard.name(), documentType, messages,
                ackExpected ? "awaited" : "not-expected", truncate(fileName, 255), now, now);
    }

    /** Applies a partner's CONTRL to the interchange it acknowledges; false if the hub never sent it. */
    public boolean acknowledgedInterchange(String partnerId, String controlNumber, String status, String detail) {
        return update("UPDATE edi_interchange SET ack_status = ?, ack_detail = ?, updated_at = ? WHERE direction = 'out' AND partner_id = ? AND control_number = ?",
                status, truncate(detail, 1000), Timestamp.from(clock.instant()), partnerId, controlNumber) > 0;
    }

    /** Applies a partner's 997/999 to the group it acknowledges; false if the hub never sent it. */
    public boolean acknowledgedGroup(String partnerId, String groupNumber, String status, String detail) {
        return update("UPDATE edi_interchange SET ack_status = ?, ack_detail = ?, updated_at = ? WHERE direction = 'out' AND partner_id = ? AND group_number = ?",
                status, truncate(detail, 1000), Timestamp.from(clock.instant()), partnerId, groupNumber) > 0;
    }

    public List<Interchange> list(String direction, String partnerId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, direction, partner_id, control_number, group_number, standard, document_type, messages, state, ack_status, ack_detail, file_name, created_at, updated_at FROM edi_interchange WHERE 1 = 1");
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
                            rs.getString(12), rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot list interchanges: " + e.getMessage(), e);
        }
    }

    private static String state(Connection connection, String direction, String partnerId, String controlNumber) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM edi_interchange WHERE direction = ? AND partner_id = ? AND control_number = ?")) {
            select.setString(1, direction);
            select.setString(2, partnerId);
            select.setString(3, controlNumber);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
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
}
