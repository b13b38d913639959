package org.backofficehub.shop;

/**
 * What a shop is told about one of its orders, through its platform's API: booked in the ERP (with
 * the ERP's order number), or shipped (carrier and tracking number). Stored as the payload of an
 * outbound message until it is delivered.
 *
 * @param orderId the platform's own id of the order (the mapping keeps it as the hub's order id)
 */
public record StatusUpdate(String shop, String event, String orderId, String erpOrderNumber, String carrier, String trackingNumber,
                           String shippedOn) {

    public static final String BOOKED = "booked";
    public static final String SHIPPED = "shipped";

    public static StatusUpdate booked(String shop, String orderId, String erpOrderNumber) {
        return new StatusUpdate(shop, BOOKED, orderId, erpOrderNumber, null, null, null);
    }

    public static StatusUpdate shipped(String shop, String orderId, String erpOrderNumber, String carrier, String trackingNumber,
                                       String shippedOn) {
        return new StatusUpdate(shop, SHIPPED, orderId, erpOrderNumber, carrier, trackingNumber, shippedOn);
    }

    /** For a note a person reads in the shop's back office (and, for shipments, the customer). */
    String shipmentText() {
        return "Shipped with " + carrier + (trackingNumber == null || trackingNumber.isBlank() ? "" : ", tracking " + trackingNumber);
    }

    String bookingText() {
        return "Booked in the ERP as order " + erpOrderNumber;
    }
}
