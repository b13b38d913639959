package org.backofficehub.booking;

import java.sql.SQLException;

/**
 * Whether a failure is the database resolving a conflict between concurrent transactions: it
 * chose this one as a deadlock's victim (SQL state 40P01 on PostgreSQL) or could not serialise it
 * (40001, H2's deadlock too). Nothing is wrong with the work, so it is done again.
 */
final class TransactionConflicts {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    private TransactionConflicts() {
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                // A batch's failure carries the entry's own on a chained exception (pgjdbc's BatchUpdateException).
                for (SQLException next = sql; next != null; next = next.getNextException() == next ? null : next.getNextException()) {
                    if (SERIALIZATION_FAILURE.equals(next.getSQLState()) || DEADLOCK_DETECTED.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
