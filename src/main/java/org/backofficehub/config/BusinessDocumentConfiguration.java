package org.backofficehub.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.backofficehub.xml.standards.BusinessDocuments;
import org.backofficehub.xml.standards.MappingStylesheets;
import org.backofficehub.xml.standards.UblOrderResponses;

/** Business-document standards as XML orders (UBL, cXML, openTRANS): their mappings and the UBL order response. */
public class BusinessDocumentConfiguration implements CamelConfiguration {

    /** Each compiled when its first document arrives; one that is missing stops the hub here, naming its setting. */
    @BindToRegistry(lazy = true)
    public MappingStylesheets mappingStylesheets(@PropertyInject("hub.mapping.ubl") String ubl,
                                                 @PropertyInject("hub.mapping.cxml") String cxml,
                                                 @PropertyInject("hub.mapping.opentrans") String openTrans,
                                                 @PropertyInject(UblOrderResponses.MAPPING) String ublOrderResponse) {
        return new MappingStylesheets(Map.of("hub.mapping.ubl", ubl.trim(), "hub.mapping.cxml", cxml.trim(),
                "hub.mapping.opentrans", openTrans.trim(), UblOrderResponses.MAPPING, ublOrderResponse.trim()));
    }

    @BindToRegistry(lazy = true)
    public BusinessDocuments businessDocuments(MappingStylesheets mappingStylesheets) {
        return new BusinessDocuments(mappingStylesheets);
    }

    @BindToRegistry(lazy = true)
    public UblOrderResponses ublOrderResponses(@PropertyInject("hub.ubl.order-response-profiles") String profiles,
                                               MappingStylesheets mappingStylesheets, Clock clock) {
        return new UblOrderResponses(Arrays.stream(profiles.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList(),
                mappingStylesheets, clock);
    }
}
