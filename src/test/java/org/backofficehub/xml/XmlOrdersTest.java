package org.backofficehub.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.backofficehub.json.WebOrders;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.support.CanonicalJson;
import org.backofficehub.support.Samples;
import org.junit.jupiter.api.Test;

class XmlOrdersTest {

    private final XmlOrders codec = new XmlOrders();

    @Test
    void xmlRoundTripKeepsTheOrder() {
        Order order = codec.read(Samples.bytes("xml/order.xml"));

        assertThat(codec.read(codec.write(order))).isEqualTo(order);
    }

    @Test
    void webOrderSurvivesJsonToCanonicalToXmlAndBack() {
        Order fromJson = new WebOrders(new ObjectMapper()).toCanonical(Samples.bytes("webstore/order.json")).get(0);

        byte[] xml = codec.write(fromJson);

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("<orderId>WEB-10001</orderId>").doesNotContain("<source>");
        assertThat(codec.read(xml)).isEqualTo(fromJson);
    }
}
