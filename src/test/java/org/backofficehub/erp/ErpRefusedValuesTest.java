package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.TestDatabase;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A customer's ERP whose column is narrower than the hub accepts (here the order reference, 20
 * characters instead of the demo's 35): the ERP's database refuses the one order that does not
 * fit (SQL state 22001), and only that order, with its reason; its neighbours in the same
 * group-commit batch book, on H2 and on PostgreSQL (whose aborted transaction the savepoint clears).
 */
class ErpRefusedValuesTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOrderTheErpsColumnCannotHoldIsRefusedAndItsBatchNeighboursBook(TestDatabase database) throws SQLException {
        try (HikariDataSource erp = database.newMigratedDataSource("narrow_erp", "db/erp")) {
            execute(erp, "ALTER TABLE ORDHDR ALTER COLUMN OHCREF SET DATA TYPE VARCHAR(20)");
            String tooLong = "PO-2026-000000000000000042"; // 26 characters
            List<ErpBooking.Outcome> outcomes = DemoErp.writer(erp).bookAll(List.of(
                    TestOrders.order("W-NARROW-1", "SKU-1001", 2),
                    TestOrders.order(tooLong, "SKU-1001", 3),
                    TestOrders.order("W-NARROW-2", "SKU-1001", 1)));

            assertThat(outcomes.get(0)).isInstanceOf(ErpBooking.Outcome.Booked.class);
            assertThat(outcomes.get(2)).isInstanceOf(ErpBooking.Outcome.Booked.class);
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(ErpBooking.Outcome.Rejected.class, rejected -> {
                assertThat(rejected.reason().type()).isEqualTo(ProblemType.ERP_REFUSED);
                assertThat(rejected.reason().getMessage()).startsWith("The ERP refused the order: ")
                        .containsIgnoringCase("too long");
            });
            assertThat(number(erp, "SELECT COUNT(*) FROM ORDHDR")).isEqualTo(2);
            assertThat(number(erp, "SELECT COUNT(*) FROM ORDLIN")).isEqualTo(2);
            assertThat(number(erp, "SELECT IMALLO FROM ITMMAS WHERE IMITNO = 'SKU-1001'"))
                    .as("the refused order's allocation rolled back with it").isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRefusedValueAndARefusedAllocationInOneBatchAreEachTheirOrdersAlone(TestDatabase database) throws SQLException {
        try (HikariDataSource erp = database.newMigratedDataSource("narrow_erp", "db/erp")) {
            execute(erp, "ALTER TABLE ORDHDR ALTER COLUMN OHCREF SET DATA TYPE VARCHAR(20)");
            List<ErpBooking.Outcome> outcomes = DemoErp.writer(erp).bookAll(List.of(
                    TestOrders.order("PO-2026-000000000000000042", "SKU-1001", 1),
                    TestOrders.order("W-SHORT-OF-STOCK", "SKU-9001", 50),
                    TestOrders.order("W-FITS", "SKU-1001", 1)));

            assertThat(((ErpBooking.Outcome.Rejected) outcomes.get(0)).reason().type()).isEqualTo(ProblemType.ERP_REFUSED);
            assertThat(((ErpBooking.Outcome.Rejected) outcomes.get(1)).reason().type()).isEqualTo(ProblemType.INSUFFICIENT_STOCK);
            assertThat(outcomes.get(2)).isInstanceOf(ErpBooking.Outcome.Booked.class);
            assertThat(number(erp, "SELECT COUNT(*) FROM ORDHDR")).isEqualTo(1);
        }
    }

    private static void execute(HikariDataSource erp, String sql) throws SQLException {
        try (Connection c = erp.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int number(HikariDataSource erp, String sql) throws SQLException {
        try (Connection c = erp.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return new BigDecimal(rs.getString(1)).intValueExact();
        }
    }
}
