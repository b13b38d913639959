package org.backofficehub.xml.standards;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.model.OrderAnswer;

/**
 * The UBL OrderResponse a UBL order's sender gets when it asked for one: when its order was sent
 * under a profile whose business process includes the response ({@code cbc:ProfileID}, e.g. PEPPOL
 * BIS Ordering {@code urn:fdc:peppol.eu:poacc:bis:ordering:3} or CEN BII 28; not the order-only
 * profiles), as {@code hub.ubl.order-response-profiles} lists them. The response says what became
 * of the order (UNCL 4343 codes, as PEPPOL uses them): AP accepted, with the ERP's order number;
 * RE rejected, with the reason; AB received, for an order staged for a batch. The stylesheet
 * ({@code hub.mapping.ubl-order-response}) writes it from the order and these values, which it
 * gets as parameters; the route puts it in the sender's outbox (headers hubResponseFolder and
 * hubResponseFileName).
 */
public final class UblOrderResponses {

    /** In the profiles setting: every UBL order is answered, whatever its profile. */
    public static final String EVERY_PROFILE = "*";
    /** The setting that names the response's stylesheet. */
    public static final String MAPPING = "hub.mapping.ubl-order-response";

    private static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Set<String> profiles;
    private final MappingStylesheets stylesheets;
    private final Clock clock;
    private final XMLInputFactory inputFactory;
    private final DocumentSources sources = new DocumentSources();

    public UblOrderResponses(Collection<String> profiles, MappingStylesheets stylesheets, Clock clock) {
        this.profiles = Set.copyOf(profiles);
        this.stylesheets = stylesheets;
        this.clock = clock;
        inputFactory = XMLInputFactory.newDefaultFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /** Whether the sender of this UBL Order asked for a response: its profile is one whose process has one. */
    public boolean asked(byte[] ublOrder) {
        if (profiles.contains(EVERY_PROFILE)) {
            return true;
        }
        String profile = profileId(ublOrder);
        return profile != null && profiles.contains(profile);
    }

    /** The order response to the UBL order the exchange carries (property {@link BusinessDocuments#ORIGINAL}), and where it goes. */
    public byte[] respond(List<OrderAnswer> answers, Exchange exchange) {
        OrderAnswer answer = answers.get(0);
        Message message = exchange.getMessage();
        String code;
        String note;
        String salesOrderId = "";
        if (answer.refusal() != null) {
            code = "RE";
            note = answer.refusal().getMessage();
        } else if (answer.isStaged()) {
            code = "AB";
            note = "Received; the order is booked with the next batch (tracking id " + answer.trackingId() + ")";
        } else {
            code = "AP";
            salesOrderId = answer.booking().erpOrderNumber();
            note = (answer.booking().alreadyBooked() ? "Booked before as ERP order " : "Booked as ERP order ") + salesOrderId;
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, String> parameters = Map.of("hubResponseCode", code, "hubSalesOrderId", salesOrderId, "hubResponseNote", note,
                "hubResponseIssueDate", now.toLocalDate().toString(), "hubResponseIssueTime", now.format(TIME));
        // One folder per sender under outbox/, named after its order source (UBL:GLN:... as UBL_GLN_...).
        message.setHeader("hubResponseFolder", answer.order().source().replaceAll("[^A-Za-z0-9._-]", "_"));
        message.setHeader("hubResponseFileName", "OrderResponse-" + answer.order().orderId().replaceAll("[^A-Za-z0-9._-]", "_") + ".xml");
        Source order = sources.open(exchange.getProperty(BusinessDocuments.ORIGINAL, byte[].class), DocumentStandard.UBL);
        try {
            return stylesheets.transform(MAPPING, order, parameters);
        } catch (TransformerException e) {
            throw new MappingFailedException("The mapping " + stylesheets.location(MAPPING) + " (" + MAPPING
                    + ") failed on the response to order " + answer.order().orderId() + ": " + e.getMessageAndLocation(), e);
        }
    }

    private String profileId(byte[] ublOrder) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(new ByteArrayInputStream(ublOrder));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && CBC.equals(reader.getNamespaceURI())) {
                        switch (reader.getLocalName()) {
                            case "ProfileID":
                                return reader.getElementText().trim();
                            case "ID":
                                return null; // the header's basic components before the order's ID are over
                            default:
                                break;
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            return null; // the document was read and mapped before; it cannot be malformed here
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // only read from
                }
            }
        }
    }
}
