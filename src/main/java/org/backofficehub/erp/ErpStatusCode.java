package org.backofficehub.erp;

import org.backofficehub.model.OrderStatus;

/** The ERP's two-letter order status codes (ORDHDR.OHSTAT) and what they mean to the hub. */
final class ErpStatusCode {

    private ErpStatusCode() {
    }

    static OrderStatus toStatus(String code) {
        return switch (code.trim()) {
            case "OP" -> OrderStatus.BOOKED;
            case "SH" -> OrderStatus.SHIPPED;
            case "IN" -> OrderStatus.INVOICED;
            case "CX" -> OrderStatus.CANCELLED;
            default -> throw new IllegalStateException("Unknown ERP order status code '" + code + "'");
        };
    }
}
