package org.backofficehub.edi.reading;

import org.backofficehub.edi.EdiMessage;
import org.backofficehub.model.Order;

/** Translates one syntactically valid order message into the canonical order. */
public interface OrderMessageTranslator {

    /**
     * The order as the message states it; what it leaves out (buyer, prices, the supplier's item
     * numbers) is answered by the order's business checks, not here.
     *
     * @throws org.backofficehub.model.InputRejectedException only when the message cannot be read as
     *         an order at all: no document number to identify it, a value that is not a number or a date
     */
    Order translate(OrderContext context, EdiMessage message);
}
