package org.backofficehub.erp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Records a shipment in the demo ERP as its warehouse would, with the profile's
 * {@code warehouse.*} statements: the order (and its lines) marked shipped and a shipment row, in
 * one transaction. A real installation's warehouse writes these itself; its profile has no such
 * statements, and the hub then says so rather than writing to the ERP.
 */
public final class ErpShipments {

    private final DataSource erp;
    private final ErpProfile profile;
    private final Clock clock;

    public ErpShipments(DataSource erp, ErpProfile profile, Clock clock) {
        this.erp = erp;
        this.profile = profile;
        this.clock = clock;
    }

    /** Whether the profile can record shipments (the demo's warehouse). */
    public boolean available() {
        return profile.has(ErpStatement.WAREHOUSE_SHIP);
    }

    /** The new shipment's number (the key the ERP generates); empty if the ERP has no such order. */
    public OptionalLong record(String erpOrderNumber, String carrier, String trackingNumber, LocalDate shippedOn) {
        NamedSql ship = profile.statement(ErpStatement.WAREHOUSE_SHIP);
        NamedSql shipment = profile.statement(ErpStatement.WAREHOUSE_SHIPMENT);
        ParameterValues values = name -> switch (name) {
            case "erpOrderNumber" -> erpOrderNumber;
            case "carrier" -> carrier;
            case "trackingNumber" -> trackingNumber;
            case "shippedOn" -> shippedOn;
            case "receivedAt" -> clock.instant();
            default -> null;
        };
        try (Connection connection = erp.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (executeForOrder(connection, ship, values) == 0) {
                    connection.rollback();
                    return OptionalLong.empty();
                }
                NamedSql lines = profile.optional(ErpStatement.WAREHOUSE_SHIP_LINES).orElse(null);
                if (lines != null) {
                    execute(connection, lines, values);
                }
                long shipmentNumber;
                try (PreparedStatement insert = connection.prepareStatement(shipment.jdbc(), Statement.RETURN_GENERATED_KEYS)) {
                    SqlBinding.bind(insert, shipment, values);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new SQLException("warehouse.shipment generated no shipment number");
                        }
                        shipmentNumber = keys.getLong(1);
                    }
                }
                connection.commit();
                return OptionalLong.of(shipmentNumber);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ErpUnavailableException("Cannot record a shipment of ERP order " + erpOrderNumber + ": " + e.getMessage(), e);
        }
    }

    /** No row, also for a number the ERP's column cannot hold (SQL state class 22, data exception): no such order. */
    private static int executeForOrder(Connection connection, NamedSql statement, ParameterValues values) throws SQLException {
        try {
            return execute(connection, statement, values);
        } catch (SQLException e) {
            if (SqlStates.isDataException(e)) {
                return 0;
            }
            throw e;
        }
    }

    private static int execute(Connection connection, NamedSql statement, ParameterValues values) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(statement.jdbc())) {
            SqlBinding.bind(update, statement, values);
            return update.executeUpdate();
        }
    }
}
