package org.backofficehub.booking;

import org.backofficehub.erp.ErpOrderWriter;
import org.backofficehub.model.Booking;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderKey;
import org.backofficehub.model.OrderStatus;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.BookingLedger;
import org.backofficehub.store.BookingLedger.Claim;

/**
 * Books an order into the ERP exactly once, whatever channel delivers it and however often:
 * claim in the hub store, write to the ERP, record the ERP number.
 */
public final class OrderBooking {

    private final BookingLedger ledger;
    private final ErpOrderWriter erp;

    public OrderBooking(BookingLedger ledger, ErpOrderWriter erp) {
        this.ledger = ledger;
        this.erp = erp;
    }

    public Booking book(Order order) {
        OrderKey key = order.key();
        Claim claim = ledger.claim(key);
        if (claim instanceof Claim.AlreadyBooked booked) {
            return new Booking(key, booked.erpOrderNumber(), OrderStatus.BOOKED, true);
        }
        if (claim instanceof Claim.Busy busy) {
            throw new InputRejectedException(ProblemType.BOOKING_IN_PROGRESS,
                    "Order " + key + " is being booked by another delivery since " + busy.claimedAt() + "; retry shortly");
        }
        if (((Claim.Granted) claim).takenOver()) {
            var booked = erp.findOrderNumber(key);
            if (booked.isPresent()) {
                ledger.recordBooked(key, booked.get());
                return new Booking(key, booked.get(), OrderStatus.BOOKED, true);
            }
        }
        String erpOrderNumber;
        try {
            erpOrderNumber = erp.book(order);
        } catch (InputRejectedException rejected) {
            // The ERP rolled back; free the order so a corrected delivery can be booked.
            ledger.release(key);
            throw rejected;
        }
        // A technical failure above keeps the claim: the ERP may have committed before the
        // connection broke, and the takeover path checks that once the lease expires.
        ledger.recordBooked(key, erpOrderNumber);
        return new Booking(key, erpOrderNumber, OrderStatus.BOOKED, false);
    }
}
