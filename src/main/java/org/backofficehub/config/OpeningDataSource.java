package org.backofficehub.config;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A database opened and migrated on another thread while the hub goes on starting: cold H2 and
 * Flyway are the largest single cost of start-up, and until something asks for a connection the
 * main thread has routes to build. The first connection waits for the opening; if the opening
 * failed, every connection fails with its cause.
 */
public final class OpeningDataSource implements DataSource, AutoCloseable {

    private final String name;
    private final CompletableFuture<HikariDataSource> opening;

    private OpeningDataSource(String name, CompletableFuture<HikariDataSource> opening) {
        this.name = name;
        this.opening = opening;
    }

    public static OpeningDataSource open(String name, Supplier<HikariDataSource> opener, Executor executor) {
        return new OpeningDataSource(name, CompletableFuture.supplyAsync(opener, executor));
    }

    private HikariDataSource opened() throws SQLException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new SQLException("The " + name + " database could not be opened: " + cause.getMessage(), cause);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return opened().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return opened().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return opened().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        opened().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        opened().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return opened().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The hub's pools log through SLF4J");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : opened().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || opened().isWrapperFor(type);
    }

    /** Closes the pool once it is open; an opening that failed left nothing to close. */
    @Override
    public void close() {
        try {
            opened().close();
        } catch (SQLException failedToOpen) {
            // nothing was opened
        }
    }
}
