package org.backofficehub.erp;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Records a shipment in the demo ERP as its warehouse would: a shipment row, and the order
 * marked shipped, in one transaction. A real installation's warehouse writes these itself.
 */
public final class ErpShipments {

    private final DataSource erp;
    private final Clock clock;

    public ErpShipments(DataSource erp, Clock clock) {
        this.erp = erp;
        this.clock = clock;
    }

    /** The new shipment's number; empty if the ERP has no such order. */
    public java.util.OptionalLong record(long erpOrderNumber, String carrier, String trackingNumber, LocalDate shippedOn) {
        try (Connection connection = erp.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement status = connection.prepareStatement("UPDATE ORDHDR SET OHSTAT = 'SH' WHERE OHORNO = ?")) {
                    status.setLong(1, erpOrderNumber);
                    if (status.executeUpdate() == 0) {
                        connection.rollback();
                        return java.util.OptionalLong.empty();
                    }
                }
                try (PreparedStatement lines = connection.prepareStatement("UPDATE ORDLIN SET OLSTAT = 'SH' WHERE OLORNO = ?")) {
                    lines.setLong(1, erpOrderNumber);
                    lines.executeUpdate();
                }
                long shipmentNumber;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO SHPHDR (SHORNO, SHCARR, SHTRCK, SHSHDT, SHCRTS) VALUES (?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, erpOrderNumber);
                    insert.setString(2, carrier);
                    insert.setString(3, trackingNumber);
                    insert.setDate(4, Date.valueOf(shippedOn));
                    insert.setTimestamp(5, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        shipmentNumber = keys.getLong(1);
                    }
                }
                connection.commit();
                return java.util.OptionalLong.of(shipmentNumber);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot record a shipment of ERP order " + erpOrderNumber + ": " + e.getMessage(), e);
        }
    }
}
