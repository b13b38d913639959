package org.backofficehub.erp;

import java.util.Set;

/**
 * Every statement an ERP profile may declare: its key, whether a database ERP must have it, and
 * the named parameters it may use. The mapping reference in the README lists the same, with the
 * column labels each reading statement returns.
 */
public enum ErpStatement {

    // Booking: one transaction per order or group of orders.
    ORDER_FIND("order.find", true, OrderParameters.KEY),
    ORDER_FIND_MANY("order.find-many", false, Set.of(SqlBinding.WANTED)),
    ORDER_NUMBER("order.number", false, OrderParameters.HEADER),
    ORDER_INSERT("order.insert", false, OrderParameters.union(OrderParameters.HEADER, Set.of("erpOrderNumber"))),
    LINE_INSERT("line.insert", true, OrderParameters.LINE),
    STOCK_ALLOCATE("stock.allocate", false, Set.of("sku", "quantity")),
    STOCK_FREE("stock.free", false, Set.of("sku")),

    // Reading orders back.
    ORDER_READ("order.read", true, OrderParameters.KEY),
    ORDER_LIST("order.list", true, Set.of("source")),
    ORDER_READ_BY_NUMBER("order.read-by-number", true, Set.of("erpOrderNumber")),
    ORDER_LINES("order.lines", true, Set.of("erpOrderNumber", "source", "orderId")),

    // Items, stock, customers.
    STOCK_LEVELS("stock.levels", true, Set.of("sku")),
    ITEM_BY_NUMBER("item.by-number", true, Set.of("skus")),
    ITEM_BY_GTIN("item.by-gtin", true, Set.of("gtins")),
    ITEM_CROSS_REFERENCE("item.cross-reference", false, Set.of("partnerId", "buyerItemNumbers")),
    CUSTOMERS("customers", true, Set.of()),

    // Polled by routes (camel-sql): the taking statement names values of the polled row.
    SHIPMENTS_POLL("shipments.poll", true, Set.of()),
    SHIPMENTS_TAKEN("shipments.taken", true, Set.of("shipmentNumber", "erpOrderNumber", "carrier", "trackingNumber", "shippedOn")),
    CONFIRMATIONS_POLL("confirmations.poll", false, Set.of()),
    CONFIRMATIONS_TAKEN("confirmations.taken", false, Set.of("source", "orderId", "erpOrderNumber", "status", "message")),

    // The demo's warehouse (POST /admin/erp/shipments): a real ERP's warehouse records shipments itself.
    WAREHOUSE_SHIP("warehouse.ship", false, Set.of("erpOrderNumber")),
    WAREHOUSE_SHIP_LINES("warehouse.ship-lines", false, Set.of("erpOrderNumber")),
    WAREHOUSE_SHIPMENT("warehouse.shipment", false, Set.of("erpOrderNumber", "carrier", "trackingNumber", "shippedOn", "receivedAt"));

    private final String key;
    private final boolean required;
    private final Set<String> parameters;

    ErpStatement(String key, boolean required, Set<String> parameters) {
        this.key = key;
        this.required = required;
        this.parameters = parameters;
    }

    public String key() {
        return key;
    }

    /** Whether a database ERP's profile must declare it. */
    public boolean required() {
        return required;
    }

    public Set<String> parameters() {
        return parameters;
    }

    static ErpStatement byKey(String key) {
        for (ErpStatement statement : values()) {
            if (statement.key.equals(key)) {
                return statement;
            }
        }
        return null;
    }
}
