package org.backofficehub.backoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.store.FailureLog;

/**
 * A shipment row the hub could not take after its retries (an order the ERP does not have, the
 * hub store away): recorded as a failure with the row, so the row is flagged as taken and does not
 * block the poll, and an administrator replays it once the cause is fixed.
 */
public final class ShipmentFailure implements Processor {

    public static final String KIND = "erp-shipment";

    private final FailureLog failures;
    private final ObjectMapper json;

    public ShipmentFailure(FailureLog failures, ObjectMapper json) {
        this.failures = failures;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<?, ?> row = exchange.getMessage().getBody(Map.class);
        Map<String, String> asText = new LinkedHashMap<>();
        if (row != null) {
            row.forEach((column, value) -> asText.put(String.valueOf(column).toUpperCase(java.util.Locale.ROOT),
                    value == null ? null : value.toString()));
        }
        failures.record(exchange.getFromRouteId(), KIND, "shipment-failed",
                "Shipment " + asText.get("SHIPMENTNUMBER") + " of ERP order " + asText.get("ERPORDERNUMBER") + ": "
                        + (cause == null ? "unknown" : cause.getMessage()),
                "shipment-" + asText.get("SHIPMENTNUMBER") + ".json", json.writeValueAsBytes(asText));
    }
}
