package org.backofficehub.edi.partners;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;

/** Control numbers kept in the hub store, so they survive restarts and are never reused. */
public final class StoredControlNumbers implements ControlNumbers {

    private final DataSource hubStore;

    public StoredControlNumbers(DataSource hubStore) {
        this.hubStore = hubStore;
    }

    @Override
    public long reserve(String partnerId, Kind kind, int count) {
        try {
            return reserveOnce(partnerId, kind, count);
        } catch (HubStoreException firstUseRace) {
            // Two first uses for a partner raced on the primary key; the row exists now.
            return reserveOnce(partnerId, kind, count);
        }
    }

    private long reserveOnce(String partnerId, Kind kind, int count) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long last = increment(connection, partnerId, kind, count);
                connection.commit();
                return last - count + 1;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot reserve " + kind + " control numbers for " + partnerId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean release(String partnerId, Kind kind, long first, int count) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE edi_control_number SET last_value = last_value - ? WHERE partner_id = ? AND kind = ? AND last_value = ?")) {
            update.setInt(1, count);
            update.setString(2, partnerId);
            update.setString(3, kind.name());
            update.setLong(4, first + count - 1);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new HubStoreException("Cannot hand back " + kind + " control numbers of " + partnerId + ": " + e.getMessage(), e);
        }
    }

    private static long increment(Connection connection, String partnerId, Kind kind, int count) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE edi_control_number SET last_value = last_value + ? WHERE partner_id = ? AND kind = ?")) {
            update.setInt(1, count);
            update.setString(2, partnerId);
            update.setString(3, kind.name());
            if (update.executeUpdate() == 0) {
                // First use for this partner and kind.
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO edi_control_number (partner_id, kind, last_value) VALUES (?, ?, ?)")) {
                    insert.setString(1, partnerId);
                    insert.setString(2, kind.name());
                    insert.setLong(3, count);
                    insert.executeUpdate();
                }
                return count;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_value FROM edi_control_number WHERE partner_id = ? AND kind = ?")) {
            select.setString(1, partnerId);
            select.setString(2, kind.name());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
