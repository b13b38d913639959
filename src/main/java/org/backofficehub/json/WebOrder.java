package org.backofficehub.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/** The web store's order as it travels over the wire (schema: {@code schema/webstore-order.schema.json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebOrder(
        String orderId,
        String orderDate,
        String currency,
        Customer customer,
        WebAddress shippingAddress,
        List<Line> lines) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(String name, String email, String phone, WebAddress billingAddress, String vatId) {

        public Customer(String name, String email, String phone, WebAddress billingAddress) {
            this(name, email, phone, billingAddress, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebAddress(String name, String street, String city, String postalCode, String country) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String sku, String description, BigDecimal quantity, BigDecimal unitPrice) {
    }
}
