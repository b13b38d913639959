package org.backofficehub.booking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.erp.ResolvedOrders;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.ProblemType;

/**
 * What the ERP's columns can hold, and the orders that fit them. A quantity or price finer or larger
 * than its column is refused, never rounded: a database would round it silently (0.0004 pieces
 * booked as 0, no stock allocated) while the invoice priced what was sent, and ERP lines, header,
 * invoice and partner documents would each show another total. What fits is priced by one rule,
 * {@link OrderLine#amount()}: quantity × price rounded once, half up, to the cent; the order's net
 * total is the sum of those rounded line amounts (the ERP header, the invoice and the partner's
 * invoice all take them as booked).
 *
 * <p>Each figure is a column's (precision, scale): digits in all, digits after the point.
 *
 * @param quantity the order line's quantity (the demo ERP's OLQTY DECIMAL(13,3), also its stock columns)
 * @param price    the unit price (OLPRIC DECIMAL(11,2))
 * @param amount   the line amount and the order's net total (OLAMNT, OHTNET DECIMAL(15,2)); its scale
 *                 is the cents every amount is rounded to
 */
public record ErpPrecision(Column quantity, Column price, Column amount) {

    /** The demo ERP's columns (db/erp/V1__legacy_erp_tables.sql), which config/application.properties repeats. */
    public static final ErpPrecision DEMO_ERP = new ErpPrecision(new Column(13, 3), new Column(11, 2), new Column(15, 2));

    /** A DECIMAL(precision, scale) column. */
    public record Column(int precision, int scale) {
        public Column {
            if (scale < 0 || precision <= scale) {
                throw new IllegalArgumentException("A column of " + precision + " digits cannot have " + scale + " after the point");
            }
        }

        /** The largest value it holds: 9999999999.999 for (13,3). */
        BigDecimal largest() {
            return BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
        }

        boolean holds(BigDecimal value) {
            return value.stripTrailingZeros().scale() <= scale && value.abs().compareTo(largest()) <= 0;
        }

        String describe() {
            return "at most " + (precision - scale) + " digits before the point and " + scale + " after it";
        }
    }

    public ErpPrecision {
        if (amount.scale() != 2) {
            // OrderLine.amount() and every document round to the cent.
            throw new IllegalArgumentException("Amounts are kept to the cent (scale 2), not " + amount.scale());
        }
    }

    /** Every quantity, price and amount of the order the ERP cannot hold exactly, by its field; empty when it fits. */
    public List<FieldProblem> problems(Order order) {
        List<FieldProblem> problems = new ArrayList<>();
        BigDecimal net = BigDecimal.ZERO;
        for (int i = 0; i < order.lines().size(); i++) {
            OrderLine line = order.lines().get(i);
            boolean fits = true;
            if (line.quantity() != null && !quantity.holds(line.quantity())) {
                problems.add(new FieldProblem("/lines/" + i + "/quantity", "quantity " + line.quantity().toPlainString()
                        + " is not one the ERP can book: " + quantity.describe()));
                fits = false;
            }
            if (line.unitPrice() != null && !price.holds(line.unitPrice())) {
                problems.add(new FieldProblem("/lines/" + i + "/unitPrice", "unit price " + line.unitPrice().toPlainString()
                        + " is not one the ERP can book: " + price.describe()));
                fits = false;
            }
            if (fits && line.quantity() != null && line.unitPrice() != null) {
                BigDecimal lineAmount = line.amount();
                if (!amount.holds(lineAmount)) {
                    problems.add(new FieldProblem("/lines/" + i, "line amount " + lineAmount.toPlainString()
                            + " is more than the ERP's line amount holds: " + amount.describe()));
                }
                net = net.add(lineAmount);
            }
        }
        if (problems.isEmpty() && !amount.holds(net)) {
            problems.add(new FieldProblem("/lines", "order total " + net.toPlainString() + " is more than the ERP's order total holds: "
                    + amount.describe()));
        }
        return problems;
    }

    /** The refusal of an order that does not fit; null when it fits. */
    public InputRejectedException refusal(Order order) {
        List<FieldProblem> problems = problems(order);
        return problems.isEmpty() ? null : new InputRejectedException(ProblemType.AMOUNT_PRECISION,
                "Order " + order.key() + ": " + problems.get(0).reason() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                        + " more)" : ""), problems);
    }

    /**
     * The orders of a channel, sorted before booking or staging: those that fit go on, those that do
     * not are answered with their refusal. {@link Admission#answers} puts the answers back in the
     * orders' order.
     */
    public Admission admit(List<Order> orders) {
        List<Order> admitted = new ArrayList<>(orders.size());
        OrderAnswer[] refused = new OrderAnswer[orders.size()];
        for (int i = 0; i < orders.size(); i++) {
            InputRejectedException refusal = refusal(orders.get(i));
            if (refusal == null) {
                admitted.add(orders.get(i));
            } else {
                refused[i] = OrderAnswer.refused(orders.get(i), refusal);
            }
        }
        return new Admission(admitted, refused);
    }

    /**
     * The catalogue's settlement of a test interchange's orders, which are answered as they would be
     * but not booked (so never pass {@link #admit}): those the ERP could not hold join its refusals.
     */
    public ResolvedOrders refuseUnfit(ResolvedOrders settled) {
        Admission admission = admit(settled.bookable());
        List<OrderAnswer> refused = new ArrayList<>(settled.refused());
        for (OrderAnswer answer : admission.refused) {
            if (answer != null) {
                refused.add(answer);
            }
        }
        return new ResolvedOrders(admission.admitted(), refused);
    }

    /** Every order's answer at its order's index (for a route step: {@code answers(admission, answersOfTheAdmitted)}). */
    public List<OrderAnswer> answers(Admission admission, List<OrderAnswer> forAdmitted) {
        return admission.answers(forAdmitted);
    }

    /** The orders admitted (to book or stage) and, by the orders' positions, the refusals. */
    public static final class Admission {
        private final List<Order> admitted;
        private final OrderAnswer[] refused;

        private Admission(List<Order> admitted, OrderAnswer[] refused) {
            this.admitted = List.copyOf(admitted);
            this.refused = refused;
        }

        public List<Order> admitted() {
            return admitted;
        }

        /** Every order's answer, at its order's index: the refusals, and what booking or staging answered for the admitted. */
        public List<OrderAnswer> answers(List<OrderAnswer> forAdmitted) {
            if (forAdmitted.size() != admitted.size()) {
                throw new IllegalStateException(forAdmitted.size() + " answers for " + admitted.size() + " admitted orders");
            }
            List<OrderAnswer> all = new ArrayList<>(refused.length);
            int next = 0;
            for (OrderAnswer refusal : refused) {
                all.add(refusal != null ? refusal : forAdmitted.get(next++));
            }
            return all;
        }
    }
}
