package org.backofficehub.booking;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.backofficehub.erp.ErpBooking;
import org.backofficehub.erp.ErpBooking.Outcome;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.model.ProblemType;
import org.backofficehub.booking.BookingLedger.Claim;
import org.backofficehub.store.HubStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books orders into the ERP exactly once, whatever channel delivers them and however often:
 * claim in the hub store, write to the ERP, record the ERP numbers. Works on batches so that a
 * batch pays for two commits (the ERP's and the hub store's) however many orders it holds.
 */
public final class OrderBooking {

    private static final Logger LOG = LoggerFactory.getLogger(OrderBooking.class);
    /** Attempts at a batch the database rolled back to resolve a conflict (a deadlock's victim). */
    private static final int CONFLICT_ATTEMPTS = 5;

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

    /**
     * Books every order it can; the result at index i is for order i. A batch the ERP or the hub
     * store chose as a deadlock's victim (another hub instance, or the ERP's own programs, booking
     * the same items) is done again: it was rolled back, and what the ERP did commit of it is found
     * there by reference.
     */
    public List<BookingResult> bookAll(List<Order> orders) {
        if (orders.isEmpty()) {
            return List.of(); // an interchange whose every order the catalogue refused
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return bookOnce(orders);
            } catch (RuntimeException e) {
                if (attempt >= CONFLICT_ATTEMPTS || !TransactionConflicts.isConflict(e)) {
                    throw e;
                }
                LOG.info("A batch of {} order(s) lost a conflict with a concurrent transaction (attempt {}), booking it again: {}",
                        orders.size(), attempt, e.getMessage());
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A short random pause, so two transactions that collided do not collide again in step. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 50L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubStoreException("Interrupted before booking a batch again", e);
        }
    }

    private List<BookingResult> bookOnce(List<Order> orders) {
        try (BookingLedger.Batch batch = ledger.begin()) {
            List<Claim> claims = batch.claimAll(orders.stream().map(Order::key).toList());
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
            batch.release(unfit);
            Refused refused = granted.isEmpty() ? Refused.NONE : bookGranted(batch, orders, granted, results);
            batch.commit();
            if (!refused.orders().isEmpty()) {
                listener.rejected(refused.orders(), refused.reasons());
            }
            return List.of(results);
        }
    }

    /**
     * Writes the granted orders to the ERP (its own commit) and records them in the batch; the
     * orders the ERP refused, for the listener once the batch has committed.
     */
    private Refused bookGranted(BookingLedger.Batch batch, List<Order> orders, List<Integer> granted, BookingResult[] results) {
        List<Order> toBook = granted.stream().map(orders::get).toList();
        // If the ERP fails, the batch rolls back with its claims. Safe even if the ERP did commit
        // before failing: the next delivery finds the order by its reference in the ERP and does
        // not book it again. The same holds if the hub store fails after the ERP committed.
        List<Outcome> outcomes = erp.bookAll(toBook);
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
        batch.recordBooked(booked);
        try {
            listener.booked(batch.connection(), bookedOrders, booked);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot record bookings: " + e.getMessage(), e);
        }
        batch.release(rejected);
        return new Refused(rejectedOrders, reasons);
    }

    /** Orders the ERP refused, and reason i for order i. */
    private record Refused(List<Order> orders, List<InputRejectedException> reasons) {
        static final Refused NONE = new Refused(List.of(), List.of());
    }
}
