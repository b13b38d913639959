package org.backofficehub.xml.standards;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which XML document a file is, from its root element (and, for cXML, the request it carries),
 * read from disk up to there and no further: the hub's own order, a UBL Order (by its namespace),
 * a cXML OrderRequest, an openTRANS 2.1 ORDER; or a document the hub does not read, said as what
 * it is (a UBL Invoice, an XML document whose root is {urn:other}invoice).
 */
public final class StandardRecognition {

    /** The format of XML the hub does not read (a UBL Invoice, a cXML ConfirmationRequest, a stranger's document). */
    public static final String UNSUPPORTED = "UNSUPPORTED_XML";
    /** The format of the hub's own order document (or of XML too broken to say what it is: its reading says why). */
    public static final String HUB_XML = "XML";

    static final String HUB_ORDER = "urn:backoffice-hub:order:1";

    static final String UBL_ORDER = "urn:oasis:names:specification:ubl:schema:xsd:Order-2";
    static final String UBL_DOCUMENTS = "urn:oasis:names:specification:ubl:schema:xsd:";
    static final String OPENTRANS_21 = "http://www.opentrans.org/XMLSchema/2.1";
    static final String OPENTRANS = "http://www.opentrans.org/XMLSchema/";

    /** What a file is: its format (a {@link DocumentStandard} name, {@link #HUB_XML} or {@link #UNSUPPORTED}) and, if unsupported, what it is. */
    public record Recognised(String format, String description) {
    }

    private final XMLInputFactory inputFactory;

    public StandardRecognition() {
        inputFactory = XMLInputFactory.newDefaultFactory();
        // Only names are read here; nothing a DTD declares is needed, nor ever fetched.
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public Recognised recognise(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return recognise(in);
        }
    }

    Recognised recognise(InputStream in) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(in);
            QName root = nextElement(reader);
            if (root == null) {
                return hubXml();
            }
            String namespace = root.getNamespaceURI();
            String name = root.getLocalPart();
            if (UBL_ORDER.equals(namespace) && "Order".equals(name)) {
                return new Recognised(DocumentStandard.UBL.name(), null);
            }
            if (namespace.startsWith(UBL_DOCUMENTS)) {
                return unsupported("a UBL " + name + " (" + namespace + ")", DocumentStandard.UBL);
            }
            if (OPENTRANS_21.equals(namespace) && "ORDER".equals(name)) {
                return new Recognised(DocumentStandard.OPENTRANS.name(), null);
            }
            if (namespace.startsWith(OPENTRANS)) {
                return unsupported("an openTRANS " + namespace.substring(OPENTRANS.length()) + " " + name, DocumentStandard.OPENTRANS);
            }
            if (namespace.isEmpty() && "cXML".equals(name)) {
                String request = cxmlPayload(reader);
                return "Request/OrderRequest".equals(request) ? new Recognised(DocumentStandard.CXML.name(), null)
                        : unsupported("a cXML " + (request == null ? "document without a request" : request), DocumentStandard.CXML);
            }
            if (HUB_ORDER.equals(namespace)) {
                return hubXml(); // its schema says what is wrong with any other element of the namespace
            }
            return new Recognised(UNSUPPORTED, "XML whose root element is " + name + " (" + (namespace.isEmpty() ? "in no namespace"
                    : "namespace " + namespace) + "); the hub reads its own XML order (order in " + HUB_ORDER + "), the UBL 2.1 Order,"
                    + " the cXML OrderRequest and the openTRANS 2.1 ORDER");
        } catch (XMLStreamException e) {
            // Not well-formed (or declaring what it should not): the hub's XML reading refuses it, saying why.
            return hubXml();
        } finally {
            close(reader);
        }
    }

    /** The cXML element's payload as Request/OrderRequest, Message/..., Response/...; null if it has none. */
    private static String cxmlPayload(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        String kind = null;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (depth == 2 && !"Header".equals(name)) {
                    kind = name;
                } else if (depth == 3 && kind != null) {
                    return kind + "/" + name;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 0) {
                    return kind;
                }
            }
        }
        return kind;
    }

    private static QName nextElement(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return reader.getName();
            }
        }
        return null;
    }

    private static Recognised unsupported(String what, DocumentStandard standard) {
        return new Recognised(UNSUPPORTED, what + "; of " + standard.title() + " the hub reads the " + standard.document());
    }

    private static Recognised hubXml() {
        return new Recognised(HUB_XML, null);
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // only read from; nothing to lose
            }
        }
    }
}
