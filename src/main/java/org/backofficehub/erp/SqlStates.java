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
}
