package org.backofficehub.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;

/** Each shop's pull cursor, durably in the hub store (table shop_sync), written once a page's orders are taken. */
public final class ShopSync {

    private final DataSource hubStore;
    private final Clock clock;

    public ShopSync(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    public Optional<PullCursor> load(String shop) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT synced_since, listing_since, listing_page, listing_started FROM shop_sync WHERE shop = ?")) {
            select.setString(1, shop);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PullCursor(Instant.parse(rs.getString(1)), instant(rs.getString(2)), rs.getString(3),
                        instant(rs.getString(4))));
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read the pull cursor of shop " + shop + ": " + e.getMessage(), e);
        }
    }

    public void save(String shop, PullCursor cursor) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement("UPDATE shop_sync SET synced_since = ?, listing_since = ?,"
                    + " listing_page = ?, listing_started = ?, pulled_at = ? WHERE shop = ?")) {
                bind(update, cursor);
                update.setString(6, shop);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shop_sync (synced_since, listing_since,"
                            + " listing_page, listing_started, pulled_at, shop) VALUES (?, ?, ?, ?, ?, ?)")) {
                        bind(insert, cursor);
                        insert.setString(6, shop);
                        insert.executeUpdate();
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record the pull cursor of shop " + shop + ": " + e.getMessage(), e);
        }
    }

    private void bind(PreparedStatement statement, PullCursor cursor) throws SQLException {
        statement.setString(1, cursor.since().toString());
        statement.setString(2, text(cursor.listingSince()));
        statement.setString(3, cursor.nextPage());
        statement.setString(4, text(cursor.listingStarted()));
        statement.setTimestamp(5, Timestamp.from(clock.instant()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
