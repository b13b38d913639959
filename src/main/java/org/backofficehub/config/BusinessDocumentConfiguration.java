package org.backofficehub.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.backofficehub.xml.standards.BusinessDocuments;
import org.backofficehub.xml.standards.DocumentStandard;
import org.backofficehub.xml.standards.OrderSourceFunction;
import org.backofficehub.xml.standards.UblOrderResponses;

/** Business-document standards as XML orders (UBL, cXML, openTRANS): their mappings' helpers and the UBL order response. */
public class BusinessDocumentConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public BusinessDocuments businessDocuments(@PropertyInject("hub.mapping.ubl") String ubl,
                                               @PropertyInject("hub.mapping.cxml") String cxml,
                                               @PropertyInject("hub.mapping.opentrans") String openTrans) {
        return new BusinessDocuments(Map.of(DocumentStandard.UBL, ubl.trim(), DocumentStandard.CXML, cxml.trim(),
                DocumentStandard.OPENTRANS, openTrans.trim()));
    }

    /** hub:order-source(), which the mappings call to name a sender's orders' source. */
    @BindToRegistry(lazy = true)
    public OrderSourceFunction orderSourceFunction() {
        return new OrderSourceFunction();
    }

    @BindToRegistry(lazy = true)
    public UblOrderResponses ublOrderResponses(@PropertyInject("hub.ubl.order-response-profiles") String profiles, Clock clock) {
        return new UblOrderResponses(Arrays.stream(profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList(), clock);
    }
}
