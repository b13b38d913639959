package org.backofficehub.booking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backofficehub.erp.ErpBooking;
import org.backofficehub.erp.ErpBooking.Outcome;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.model.ProblemType;
import org.backofficehub.booking.BookingLedger.Claim;

/**
 * Books orders into the ERP exactly once, whatever channel delivers them and however often:
 * claim in the hub store, write to the ERP, record the ERP numbers. Works on batches so that a
 * batch pays for three commits however many orders it holds.
 */
public final class OrderBooking {

    private final BookingLedger ledger;
    private final ErpBooking erp;
    private final BookingListener listener;
    private final ErpPrecision precision;

    public OrderBooking(BookingLedger ledger, ErpBooking erp) {
        this(ledger, erp, BookingListener.NONE);
    }

    public OrderBooking(BookingLedger ledger, ErpBooking erp, BookingListener listener) {
        this(ledger, erp, listener, ErpPrecision.DEMO_ERP);
    }

    public OrderBooking(BookingLedger ledger, ErpBooking erp, BookingListener listener, ErpPrecision precision) {
        this.ledger = ledger;
        this.erp = erp;
        this.listener = listener;
        this.precision = precision;
    }

    public Booking book(Order order) {
        return bookAll(List.of(order)).get(0).orThrow();
    }

    /** Books every order it can; the result at index i is for order i. */
    public List<BookingResult> bookAll(List<Order> orders) {
        if (orders.isEmpty()) {
            return List.of(); // an interchange whose every order the catalogue refused
        }
        List<Claim> claims = ledger.claimAll(orders.stream().map(Order::key).toList());
        BookingResult[] results = new BookingResult[orders.size()];
        List<Integer> granted = new ArrayList<>();
        List<OrderKey> unfit = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderKey key = orders.get(i).key();
            Claim claim = claims.get(i);
            InputRejectedException beyondPrecision = claim instanceof Claim.Granted ? precision.refusal(orders.get(i)) : null;
            if (beyondPrecision != null) {
                // The channels refuse these before booking; this catches what reaches the booking
                // another way (a failure replayed with a corrected payload), before the ERP rounds it.
                results[i] = BookingResult.rejected(beyondPrecision);
                unfit.add(key);
            } else if (claim instanceof Claim.AlreadyBooked booked) {
                results[i] = BookingResult.booked(new Booking(key, booked.erpOrderNumber(), OrderStatus.BOOKED, true));
            } else if (claim instanceof Claim.Busy busy) {
                results[i] = BookingResult.rejected(new InputRejectedException(ProblemType.BOOKING_IN_PROGRESS,
                        "Order " + key + " is being booked by another delivery since " + busy.claimedAt() + "; retry shortly"));
            } else {
                granted.add(i);
            }
        }
        ledger.release(unfit);
        if (!granted.isEmpty()) {
            bookGranted(orders, granted, results);
        }
        return List.of(results);
    }

    private void bookGranted(List<Order> orders, List<Integer> granted, BookingResult[] results) {
        List<Order> toBook = granted.stream().map(orders::get).toList();
        List<Outcome> outcomes;
        try {
            outcomes = erp.bookAll(toBook);
        } catch (RuntimeException erpFailed) {
            // Safe even if the ERP did commit before failing: the next delivery finds the order
            // by its reference in the ERP and does not book it again.
            ledger.release(toBook.stream().map(Order::key).toList());
            throw erpFailed;
        }
        Map<OrderKey, String> booked = new LinkedHashMap<>();
        List<Order> bookedOrders = new ArrayList<>();
        List<OrderKey> rejected = new ArrayList<>();
        List<Order> rejectedOrders = new ArrayList<>();
        List<InputRejectedException> reasons = new ArrayList<>();
        for (int j = 0; j < granted.size(); j++) {
            OrderKey key = toBook.get(j).key();
            Outcome outcome = outcomes.get(j);
            if (outcome instanceof Outcome.Booked fresh) {
                booked.put(key, fresh.erpOrderNumber());
                bookedOrders.add(toBook.get(j));
                results[granted.get(j)] = BookingResult.booked(new Booking(key, fresh.erpOrderNumber(), OrderStatus.BOOKED, false));
            } else if (outcome instanceof Outcome.AlreadyInErp existing) {
                booked.put(key, existing.erpOrderNumber());
                bookedOrders.add(toBook.get(j));
                results[granted.get(j)] = BookingResult.booked(new Booking(key, existing.erpOrderNumber(), OrderStatus.BOOKED, true));
            } else {
                rejected.add(key);
                rejectedOrders.add(toBook.get(j));
                reasons.add(((Outcome.Rejected) outcome).reason());
                results[granted.get(j)] = BookingResult.rejected(((Outcome.Rejected) outcome).reason());
            }
        }
        // If the hub store fails here, the claims stay and expire; the ERP's reference check
        // keeps the retry from booking twice.
        ledger.recordBooked(booked, connection -> listener.booked(connection, bookedOrders, booked));
        ledger.release(rejected);
        if (!rejectedOrders.isEmpty()) {
            listener.rejected(rejectedOrders, reasons);
        }
    }
}
