package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;

/**
 * Some JDBC drivers answer a batch with SUCCESS_NO_INFO (-2) per statement instead of row counts
 * (older Oracle drivers, some DB2 and AS/400 configurations). For the guarded stock update that
 * says nothing about whether the guard held, so the writer must not take it as "allocated". The
 * ERP here is a real H2 database; only the driver's batch answer is what such a driver gives.
 */
class UnconfirmedAllocationTest {

    @Test
    void aBatchAnsweredWithoutRowCountsIsBookedOrderByOrderSoTheStockGuardStillHolds() throws SQLException {
        try (HikariDataSource erp = TestDatabase.H2.newMigratedDataSource("no_info_erp", "db/erp")) {
            List<ErpBooking.Outcome> outcomes = DemoErp.writer(withoutBatchCounts(erp)).bookAll(List.of(
                    TestOrders.order("W-FITS", "SKU-1001", 1),
                    TestOrders.order("W-TOO-MANY", "SKU-9001", 50))); // 2 in stock

            assertThat(outcomes.get(0)).isInstanceOf(ErpBooking.Outcome.Booked.class);
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(ErpBooking.Outcome.Rejected.class,
                    rejected -> assertThat(rejected.reason().type()).isEqualTo(ProblemType.INSUFFICIENT_STOCK));
            try (Connection c = erp.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ORDHDR")) {
                rs.next();
                assertThat(rs.getInt(1)).as("no order booked without its stock").isEqualTo(1);
            }
        }
    }

    /** The real database, through a driver that answers every batch with SUCCESS_NO_INFO. */
    private static DataSource withoutBatchCounts(DataSource real) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return wrap(Connection.class, real.getConnection(), (connection, method, args) -> {
                    Object result = method.invoke(connection, args);
                    return result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
                            ? wrap(PreparedStatement.class, statement, (target, m, a) -> {
                                Object answer = m.invoke(target, a);
                                if (m.getName().equals("executeBatch")) {
                                    int[] noInfo = new int[((int[]) answer).length];
                                    Arrays.fill(noInfo, Statement.SUCCESS_NO_INFO);
                                    return noInfo;
                                }
                                return answer;
                            })
                            : result;
                });
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return getConnection();
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {
            }

            @Override
            public void setLoginTimeout(int seconds) {
            }

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                throw new SQLFeatureNotSupportedException();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return real.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return real.isWrapperFor(type);
            }
        };
    }

    @FunctionalInterface
    private interface Call<T> {
        Object invoke(T target, Method method, Object[] args) throws Exception;
    }

    private static <T> T wrap(Class<T> type, T target, Call<T> call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
