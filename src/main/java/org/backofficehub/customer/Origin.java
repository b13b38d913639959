package org.backofficehub.customer;

/** The kind of system a customer record came from; survivorship ranks them (hub.customers.source-priority). */
public enum Origin { ERP, EDI, WEBSTORE, DOCUMENT }
