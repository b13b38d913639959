package org.backofficehub.backoffice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.backofficehub.erp.ErpShipments;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.HubStoreException;

/**
 * Records a shipment in the (demo) ERP as its warehouse would (the admin API and {@code hub admin
 * ship}), once per ERP order and tracking number: the same parcel recorded by the API and then by
 * the command line is one shipment, answered with its number, not a second shipment and a second
 * shipped notice. The hub claims the pair in its own store before the ERP is written, so two
 * requests at the same moment record one shipment too. A shipment without a tracking number cannot
 * be recognised again and is always a new one.
 *
 * <p>A claim whose ERP write a crash cut short is taken over after the lease; should the ERP have
 * committed before the crash, it then holds two rows for the parcel, and the shipment poll follows
 * them up once ({@link ShipmentIntake} knows shipments by order and tracking number too).
 */
public final class WarehouseShipments {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource hubStore;
    private final ErpShipments erp;
    private final Clock clock;
    private final Duration lease;

    /** The shipment the ERP holds for the request: recorded now, or before under the same order and tracking number. */
    public record Recorded(long shipmentNumber, boolean alreadyRecorded) {
    }

    public WarehouseShipments(DataSource hubStore, ErpShipments erp, Clock clock, Duration lease) {
        this.hubStore = hubStore;
        this.erp = erp;
        this.clock = clock;
        this.lease = lease;
    }

    /** Whether the ERP profile can record shipments (the demo's warehouse). */
    public boolean available() {
        return erp.available();
    }

    /** Empty if the ERP has no such order (the ERP's order number as opaque text). */
    public Optional<Recorded> record(String erpOrderNumber, String carrier, String trackingNumber, LocalDate shippedOn) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return recordInErp(erpOrderNumber, carrier, null, shippedOn).map(number -> new Recorded(number, false));
        }
        String order = erpOrderNumber;
        String tracking = trackingNumber.trim();
        Optional<Long> before = claim(order, tracking);
        if (before.isPresent()) {
            return Optional.of(new Recorded(before.get(), true));
        }
        Optional<Long> recorded;
        try {
            recorded = recordInErp(erpOrderNumber, carrier, tracking, shippedOn);
        } catch (RuntimeException e) {
            release(order, tracking);
            throw e;
        }
        if (recorded.isEmpty()) {
            release(order, tracking);
            return Optional.empty();
        }
        update("UPDATE warehouse_shipment SET shipment_number = ? WHERE erp_order_number = ? AND tracking_number = ?",
                recorded.get(), order, tracking);
        return Optional.of(new Recorded(recorded.get(), false));
    }

    private Optional<Long> recordInErp(String erpOrderNumber, String carrier, String trackingNumber, LocalDate shippedOn) {
        OptionalLong number = erp.record(erpOrderNumber, carrier, trackingNumber, shippedOn);
        return number.isPresent() ? Optional.of(number.getAsLong()) : Optional.empty();
    }

    /** Empty: this request holds the claim and records the shipment. Else the shipment recorded before. */
    private Optional<Long> claim(String order, String tracking) {
        Instant now = clock.instant();
        try (Connection connection = hubStore.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO warehouse_shipment (erp_order_number, tracking_number, claimed_at) VALUES (?, ?, ?)")) {
                insert.setString(1, order);
                insert.setString(2, tracking);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.executeUpdate();
                return Optional.empty();
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT shipment_number, claimed_at FROM warehouse_shipment WHERE erp_order_number = ? AND tracking_number = ?")) {
                select.setString(1, order);
                select.setString(2, tracking);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return claim(order, tracking); // released meanwhile: claim it now
                    }
                    long number = rs.getLong(1);
                    if (!rs.wasNull()) {
                        return Optional.of(number);
                    }
                    Timestamp claimedAt = rs.getTimestamp(2);
                    if (claimedAt.toInstant().plus(lease).isAfter(now) || !takeOver(connection, order, tracking, claimedAt, now)) {
                        throw new InputRejectedException(ProblemType.DUPLICATE_INPUT, "Shipment of ERP order " + order + " with tracking number "
                                + tracking + " is being recorded by another request since " + claimedAt.toInstant() + "; retry shortly");
                    }
                    return Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot claim the shipment of ERP order " + order + ": " + e.getMessage(), e);
        }
    }

    /** Compare-and-set on the claim time: of two requests finding the same stale claim, one wins. */
    private static boolean takeOver(Connection connection, String order, String tracking, Timestamp claimedAt, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE warehouse_shipment SET claimed_at = ? WHERE erp_order_number = ?"
                + " AND tracking_number = ? AND claimed_at = ? AND shipment_number IS NULL")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setString(2, order);
            update.setString(3, tracking);
            update.setTimestamp(4, claimedAt);
            return update.executeUpdate() == 1;
        }
    }

    private void release(String order, String tracking) {
        update("DELETE FROM warehouse_shipment WHERE erp_order_number = ? AND tracking_number = ? AND shipment_number IS NULL", order, tracking);
    }

    private void update(String sql, Object... values) {
        try (Connection connection = hubStore.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record the shipment claim: " + e.getMessage(), e);
        }
    }
}
