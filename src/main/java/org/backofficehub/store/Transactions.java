package org.backofficehub.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one hub-store transaction: committed if it returns, rolled back if it throws. */
public final class Transactions {

    private Transactions() {
    }

    public interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** {@code what} names the work in the exception a database failure becomes ("Cannot close the journal"). */
    public static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HubStoreException(what + ": " + e.getMessage(), e);
        }
    }
}
