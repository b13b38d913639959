package org.backofficehub.erp;

import java.sql.SQLException;

/** What an SQL state says about a failure, the same on every database (SQL:2011 classes). */
final class SqlStates {

    private SqlStates() {
    }

    /** Class 22, data exception: a value the column cannot take (text for a number, a number too large). */
    static boolean isDataException(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    /**
     * Whether the ERP refused this one order's values rather than being unreachable or broken: class
     * 22 (a value its column cannot take, text too long for a narrower column) or 23 (a NOT NULL,
     * foreign key, unique or check constraint). Another order would fare differently, so only this
     * order should fail. A batch's failure may carry the state on a chained exception (pgjdbc's
     * BatchUpdateException names the entry's error as its next exception), so the chain is read too.
     */
    static boolean refusesTheOrder(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
            if (cause.getNextException() == cause) {
                break;
            }
        }
        return e.getCause() instanceof SQLException cause && cause != e && refusesTheOrder(cause);
    }

    /** The database's own words for a refusal, from the exception that carries its SQL state. */
    static String refusal(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            String state = cause.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23")) && cause.getMessage() != null) {
                return cause.getMessage().strip();
            }
            if (cause.getNextException() == cause) {
                break;
            }
        }
        return e.getMessage();
    }
}
