package org.backofficehub.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderLine;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;

/** Which quantities and prices the demo ERP's columns hold (OLQTY 13,3; OLPRIC 11,2; OLAMNT and OHTNET 15,2). */
class ErpPrecisionTest {

    private final ErpPrecision precision = ErpPrecision.DEMO_ERP;

    private static Order order(String quantity, String price) {
        return TestOrders.order("P-1", List.of(new OrderLine(1, "SKU-1001", null, new BigDecimal(quantity), new BigDecimal(price))));
    }

    @Test
    void whatTheColumnsHoldFitsTrailingZerosIncluded() {
        assertThat(precision.problems(order("12.500", "6.5000"))).isEmpty();
        assertThat(precision.problems(order("9999999999.999", "99.99"))).isEmpty();
        assertThat(precision.problems(order("0.001", "999999999.99"))).isEmpty();
    }

    @Test
    void aQuantityFinerThanThreeDecimalsOrAPriceFinerThanTheCentIsNamedNotRounded() {
        assertThat(precision.problems(order("0.0004", "99999999"))).extracting(FieldProblem::field).containsExactly("/lines/0/quantity");
        assertThat(precision.problems(order("3", "0.241"))).extracting(FieldProblem::field).containsExactly("/lines/0/unitPrice");
        assertThat(precision.problems(order("1.00005", "0.241"))).extracting(FieldProblem::field)
                .containsExactly("/lines/0/quantity", "/lines/0/unitPrice");
    }

    @Test
    void figuresLargerThanTheirColumnsAreRefusedTooLineAmountAndOrderTotalIncluded() {
        assertThat(precision.problems(order("10000000000", "1"))).extracting(FieldProblem::field).containsExactly("/lines/0/quantity");
        assertThat(precision.problems(order("1", "1000000000"))).extracting(FieldProblem::field).containsExactly("/lines/0/unitPrice");
        // 9,999,999,999.999 x 999,999,999.99 fits neither OLAMNT nor OHTNET.
        assertThat(precision.problems(order("9999999999.999", "999999999.99"))).extracting(FieldProblem::field).containsExactly("/lines/0");
        Order twoLines = TestOrders.order("P-2", List.of(
                new OrderLine(1, "SKU-1001", null, new BigDecimal("9999"), new BigDecimal("999999999.99")),
                new OrderLine(2, "SKU-1001", null, new BigDecimal("9999"), new BigDecimal("999999999.99"))));
        assertThat(precision.problems(twoLines)).extracting(FieldProblem::field).containsExactly("/lines");
    }

    @Test
    void theLineAmountIsRoundedOnceHalfUpAndTheTotalIsTheSumOfRoundedLines() {
        Order order = TestOrders.order("P-3", List.of(
                new OrderLine(1, "SKU-1001", null, new BigDecimal("0.005"), new BigDecimal("1.00")),   // 0.005 -> 0.01
                new OrderLine(2, "SKU-1001", null, new BigDecimal("0.005"), new BigDecimal("1.00")),   // 0.005 -> 0.01
                new OrderLine(3, "SKU-1001", null, new BigDecimal("1.333"), new BigDecimal("0.33")))); // 0.43989 -> 0.44
        assertThat(order.lines()).extracting(OrderLine::amount).extracting(BigDecimal::toPlainString).containsExactly("0.01", "0.01", "0.44");
        assertThat(order.netTotal()).isEqualByComparingTo("0.46"); // not 0.01 + 0.44 of an unrounded 0.44989
    }

    @Test
    void anAdmissionAnswersEveryOrderAtItsPlace() {
        Order fits = order("1", "6.50");
        Order finer = order("0.0004", "6.50");
        ErpPrecision.Admission admission = precision.admit(List.of(finer, fits, finer));

        assertThat(admission.admitted()).containsExactly(fits);
        List<OrderAnswer> answers = admission.answers(List.of(OrderAnswer.staged(fits, "t-1")));
        assertThat(answers).extracting(a -> a.refusal() == null ? a.trackingId() : a.refusal().type().slug())
                .containsExactly("amount-precision", "t-1", "amount-precision");
    }
}
