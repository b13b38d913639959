package org.backofficehub.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.util.BuiltOnFirstUse;

/**
 * XML order documents ({@code urn:backoffice-hub:order:1}): refused when they declare a DTD (no
 * external entity is ever resolved, no entity bomb expanded), read into canonical orders once the
 * route has validated them, and written. The StAX factory and JAXB context are shared: both are
 * thread-safe.
 */
public final class XmlOrders {

    private final BuiltOnFirstUse<JAXBContext> context = new BuiltOnFirstUse<>(XmlOrders::context);
    private final XMLInputFactory inputFactory;
    private final XmlOrderTranslator translator = new XmlOrderTranslator();

    public XmlOrders() {
        inputFactory = XMLInputFactory.newDefaultFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    /**
     * Reads the whole document: a document type declaration refuses it, and so does any point where
     * it stops being well-formed XML, saying where. The validator step after this one fails on
     * such a document without a word of where (a SchemaValidationException its error handler never
     * sees), and the inbox took that for a technical failure: retried, then quarantined as
     * processing-failed.
     */
    public void refuseDoctype(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.DTD) {
                    throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                            "The document declares a DTD; DTDs and external entities are refused", List.of());
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            close(reader);
        }
    }

    /** A document the route has validated against order.xsd, as canonical orders (it carries one). */
    public List<Order> toCanonical(byte[] xml) {
        return List.of(read(xml));
    }

    Order read(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(new ByteArrayInputStream(xml));
            return translator.toCanonical(context.get().createUnmarshaller().unmarshal(reader, XmlOrder.class).getValue());
        } catch (UnmarshalException e) {
            throw malformed(e.getLinkedException() != null ? e.getLinkedException() : e);
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (JAXBException e) {
            throw new IllegalStateException("JAXB failed on a well-formed document", e);
        } finally {
            close(reader);
        }
    }

    public byte[] write(Order order) {
        try {
            Marshaller marshaller = context.get().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(translator.fromCanonical(order), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write order " + order.key() + " as XML", e);
        }
    }

    static InputRejectedException malformed(Throwable cause) {
        return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                "The document is not well-formed XML (DTDs and external entities are refused): " + cause.getMessage(),
                List.of(), cause);
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(XmlOrder.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot set up the XML binding of orders", e);
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was written; a failing close cannot lose data
            }
        }
    }
}
