package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.api.JsonReply;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.customer.CustomerCuration;
import org.backofficehub.customer.CustomerImport;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Administrator corrections to the customer master: {@code POST /admin/customers/{id}/merge}
 * with {@code {"customerId": other}}, {@code POST /admin/customers/{id}/split} with
 * {@code {"sourceIds": [..]}}, and {@code POST /admin/customers/import} to read the ERP's
 * customer master now instead of at the next schedule.
 */
public final class CustomerAdminApi {

    private final CustomerCuration curation;
    private final CustomerImport erpImport;
    private final ObjectMapper json;
    private final JsonRequest requests;

    public CustomerAdminApi(CustomerCuration curation, CustomerImport erpImport, ObjectMapper json, JsonRequest requests) {
        this.curation = curation;
        this.erpImport = erpImport;
        this.json = json;
        this.requests = requests;
    }

    public void merge(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        long survivor = pathId(message);
        JsonNode other = requests.object(message).get("customerId");
        if (other == null || !other.canConvertToLong()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Send {\"customerId\": <the customer to merge into " + survivor + ">}");
        }
        JsonReply.write(message, 200, json.writeValueAsBytes(Map.of("customerId", curation.merge(survivor, other.asLong()),
                "merged", other.asLong())));
    }

    public void split(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        long customer = pathId(message);
        JsonNode sources = requests.object(message).get("sourceIds");
        if (sources == null || !sources.isArray()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Send {\"sourceIds\": [<source record ids to split off>]}");
        }
        Set<Long> ids = new LinkedHashSet<>();
        sources.forEach(id -> ids.add(id.asLong()));
        JsonReply.write(message, 201, json.writeValueAsBytes(Map.of("customerId", curation.split(customer, ids), "splitFrom", customer)));
    }

    public void importNow(Exchange exchange) throws Exception {
        JsonReply.write(exchange.getMessage(), 200, json.writeValueAsBytes(Map.of("records", erpImport.importFromErp())));
    }

    private static long pathId(Message message) {
        String id = message.getHeader("customerId", String.class);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "The customer id must be a number, not '" + id + "'");
        }
    }
}
