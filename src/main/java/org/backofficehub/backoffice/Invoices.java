package org.backofficehub.backoffice;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.accounting.Invoicing;
import org.backofficehub.accounting.Invoicing.BookedOrder;
import org.backofficehub.store.HubStoreException;

/** The follow-up's invoicing step: each order booked in the batch gets its invoice and ledger postings, once. */
public final class Invoices {

    private final Invoicing invoicing;

    public Invoices(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    public void issue(FollowUpBatch batch) {
        List<BookedOrder> booked = new ArrayList<>();
        for (OrderEvents.Stored stored : batch.events()) {
            if (OrderEvent.BOOKED.equals(stored.event().kind())) {
                booked.add(new BookedOrder(stored.event().order(), stored.event().erpOrderNumber()));
            }
        }
        if (booked.isEmpty()) {
            return;
        }
        try {
            batch.invoiced(invoicing.invoice(batch.connection(), booked));
        } catch (SQLException e) {
            throw new HubStoreException("Cannot invoice " + booked.size() + " order(s): " + e.getMessage(), e);
        }
    }
}
