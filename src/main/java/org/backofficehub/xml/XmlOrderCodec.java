package org.backofficehub.xml;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;

/**
 * Reads and writes XML order documents. Parsing refuses DTDs and external entities (XXE) and
 * validates against {@code schema/order.xsd}; the JAXB binding, schema and StAX factory are built
 * once and shared, as all three are thread-safe.
 */
public final class XmlOrderCodec {

    private static final int MAX_REPORTED_PROBLEMS = 20;

    private final XmlBinding binding = new XmlBinding(XmlOrder.class, "/schema/order.xsd");
    private final XMLInputFactory inputFactory;
    private final XmlOrderTranslator translator = new XmlOrderTranslator();

    public XmlOrderCodec() {
        inputFactory = XMLInputFactory.newDefaultFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public Order read(byte[] xml) {
        List<FieldProblem> problems = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(new ByteArrayInputStream(xml));
            Unmarshaller unmarshaller = binding.context().createUnmarshaller();
            unmarshaller.setSchema(binding.schema());
            unmarshaller.setEventHandler(event -> collect(event, problems));
            XmlOrder bound = unmarshaller.unmarshal(reader, XmlOrder.class).getValue();
            if (!problems.isEmpty()) {
                throw schemaViolation(problems);
            }
            return translator.toCanonical(bound);
        } catch (UnmarshalException e) {
            if (!problems.isEmpty()) {
                throw schemaViolation(problems);
            }
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
            Marshaller marshaller = binding.context().createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(translator.fromCanonical(order), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write order " + order.key() + " as XML", e);
        }
    }

    /** Keeps going after a schema error so the sender learns every problem at once, up to a bound. */
    private static boolean collect(ValidationEvent event, List<FieldProblem> problems) {
        if (event.getSeverity() == ValidationEvent.WARNING) {
            return true;
        }
        ValidationEventLocator locator = event.getLocator();
        String where = locator == null ? "document" : "line " + locator.getLineNumber() + ", column " + locator.getColumnNumber();
        problems.add(new FieldProblem(where, event.getMessage()));
        return problems.size() < MAX_REPORTED_PROBLEMS;
    }

    private static InputRejectedException schemaViolation(List<FieldProblem> problems) {
        FieldProblem first = problems.get(0);
        return new InputRejectedException(ProblemType.SCHEMA_VIOLATION,
                "The order does not match order.xsd at " + first.field() + ": " + first.reason(), problems);
    }

    private static InputRejectedException malformed(Throwable cause) {
        return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT,
                "The document is not well-formed XML (DTDs and external entities are refused): " + cause.getMessage(),
                List.of(), cause);
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
