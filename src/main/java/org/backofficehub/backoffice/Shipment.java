package org.backofficehub.backoffice;

import java.time.LocalDate;

/** A shipment the warehouse recorded in the ERP for one order. */
public record Shipment(long shipmentNumber, String erpOrderNumber, String carrier, String trackingNumber, LocalDate shippedOn) {
}
