package org.backofficehub.edi.reading;

import org.backofficehub.model.Order;
import org.backofficehub.edi.EdiMessage;

/** Translates one syntactically valid order message into the canonical order. */
public interface OrderMessageTranslator {

    /**
     * @param source the partner the order comes from: together with the document number it
     *               identifies the order across channels
     * @throws org.backofficehub.model.InputRejectedException when the message lacks what an order needs
     */
    Order translate(String source, EdiMessage message);
}
