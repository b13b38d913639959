package org.backofficehub.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.backofficehub.model.Address;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderLine;
import org.backofficehub.model.Party;
import org.junit.jupiter.api.Test;

/** Order file names: never shared by two orders, whatever their keys look like once made safe. */
class OrderFileModelTest {

    @Test
    void keysThatLookAlikeOnceMadeSafeOrIgnoringCaseGetDifferentFiles() {
        String ab = OrderFileModel.fileName(order("WEBSTORE", "A_B"), "csv");
        String aB = OrderFileModel.fileName(order("WEBSTORE_A", "B"), "csv");
        String slash = OrderFileModel.fileName(order("WEBSTORE", "A/B"), "csv");
        String upper = OrderFileModel.fileName(order("WEBSTORE", "ABC"), "csv");
        String lower = OrderFileModel.fileName(order("WEBSTORE", "abc"), "csv");

        assertThat(List.of(ab, aB, slash).stream().distinct()).hasSize(3);
        // An ERP's share that ignores case (SMB, a Windows import folder) would otherwise merge these two.
        assertThat(upper.toLowerCase(Locale.ROOT)).isNotEqualTo(lower.toLowerCase(Locale.ROOT));
        assertThat(ab).isEqualTo("WEBSTORE_A_B_" + OrderFileModel.reference(order("WEBSTORE", "A_B")) + ".csv");
        assertThat(OrderFileModel.fileName(order("WEBSTORE", "A_B"), "csv")).as("the same order, the same file").isEqualTo(ab);
    }

    private static Order order(String source, String orderId) {
        Party buyer = new Party("Test Buyer", "buyer@example.com", null, new Address("Street 1", "Berlin", "10115", "DE"));
        return new Order(source, orderId, LocalDate.of(2026, 11, 23), "EUR", buyer, null,
                List.of(new OrderLine(1, "SKU-1001", null, BigDecimal.ONE, new BigDecimal("6.50"))));
    }
}
