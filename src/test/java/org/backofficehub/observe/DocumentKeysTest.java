package org.backofficehub.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.support.TestOrders;
import org.junit.jupiter.api.Test;

class DocumentKeysTest {

    private final DocumentKeys keys = new DocumentKeys();

    @Test
    void oneOrderIsNamedSeveralAreListedAndAnInterchangeOfManyIsCut() {
        assertThat(keys.orderIds(List.of(TestOrders.order("PO-1", "SKU-1001", 1)))).isEqualTo("PO-1");
        assertThat(keys.sources(List.of(TestOrders.order("PO-1", "SKU-1001", 1), TestOrders.order("PO-2", "SKU-1001", 1))))
                .isEqualTo(Order.WEBSTORE);
        List<Order> many = IntStream.rangeClosed(1, 12).mapToObj(i -> TestOrders.order("PO-" + i, "SKU-1001", 1)).toList();
        assertThat(keys.orderIds(many)).isEqualTo("PO-1,PO-2,PO-3,PO-4,PO-5 +7 more");
        assertThat(keys.orderIds(List.of())).isNull();
    }

    @Test
    void theTrackingIdsAreThoseOfTheStagedAnswers() {
        Order order = TestOrders.order("PO-1", "SKU-1001", 1);
        assertThat(keys.trackingIds(List.of(OrderAnswer.staged(order, "t-1")))).isEqualTo("t-1");
    }
}
