package org.backofficehub.erp;

import java.util.List;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;

/** Puts orders into the ERP, exactly once by each order's reference: into its tables, or as files it imports. */
public interface ErpBooking {

    /** What became of one order in a batch. */
    sealed interface Outcome {
        /** @param erpOrderNumber the ERP's number for the order, or the reference it holds the order under until it has one */
        record Booked(String erpOrderNumber) implements Outcome { }

        /** The ERP already held an order with this reference (a delivery whose booking a crash cut short). */
        record AlreadyInErp(String erpOrderNumber) implements Outcome { }

        record Rejected(InputRejectedException reason) implements Outcome { }
    }

    /** Books a batch; the outcome at index i is for order i. Throws {@link ErpUnavailableException} when nothing could be booked. */
    List<Outcome> bookAll(List<Order> orders);
}
