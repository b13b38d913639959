package org.backofficehub.erp;

import java.math.BigDecimal;
import java.time.Instant;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderStatus;

/** An order as the ERP holds it: the canonical order read back from its tables, plus what the ERP added. */
public record ErpOrder(String erpOrderNumber, OrderStatus status, BigDecimal netTotal, Instant bookedAt, Order order) {
}
