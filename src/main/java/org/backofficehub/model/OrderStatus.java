package org.backofficehub.model;

/** Where an order stands, in the hub's words rather than the ERP's status codes. */
public enum OrderStatus {
    BOOKED, SHIPPED, INVOICED, CANCELLED
}
