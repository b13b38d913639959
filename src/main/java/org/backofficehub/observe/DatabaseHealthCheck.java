package org.backofficehub.observe;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/** Readiness: the hub is only ready while it can reach both its own store and the ERP. */
public final class DatabaseHealthCheck extends AbstractHealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    private final Map<String, DataSource> databases;

    public DatabaseHealthCheck(Map<String, DataSource> databases) {
        super("hub", "databases");
        this.databases = databases;
    }

    @Override
    public boolean isLiveness() {
        // An unreachable database is not cured by restarting the hub.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.up();
        for (Map.Entry<String, DataSource> database : databases.entrySet()) {
            try (Connection connection = database.getValue().getConnection()) {
                boolean valid = connection.isValid(TIMEOUT_SECONDS);
                builder.detail(database.getKey(), valid ? "UP" : "DOWN");
                if (!valid) {
                    builder.down().message(database.getKey() + " connection is not valid");
                }
            } catch (SQLException e) {
                builder.detail(database.getKey(), "DOWN");
                builder.down().message(database.getKey() + " unreachable: " + e.getMessage()).error(e);
            }
        }
    }
}
