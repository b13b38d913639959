package org.backofficehub.xml.standards;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * A business document as a stylesheet reads it: through the JDK's own parser (the Smooks engine's
 * libraries put Xerces on the class path, and Saxon would take it) with external DTDs and entities
 * never fetched. A document that declares a DTD is refused, as every XML order is, with one
 * exception: cXML documents name the published cXML DTD by convention
 * ({@code <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.060/cXML.dtd">}), which is
 * allowed without an internal subset, and ignored: nothing the document could declare is read.
 */
final class DocumentSources {

    private final XMLInputFactory inputFactory;
    private final SAXParserFactory parsers;

    DocumentSources() {
        inputFactory = XMLInputFactory.newDefaultFactory();
        inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        parsers = SAXParserFactory.newDefaultInstance();
        parsers.setNamespaceAware(true);
        try {
            parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            parsers.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            parsers.setFeature("http://xml.org/sax/features/external-general-entities", false);
            parsers.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser refuses to keep external entities out", e);
        }
    }

    /** The document to be read once, by a stylesheet; refused if it declares a DTD the standard does not allow. */
    Source open(byte[] document, DocumentStandard standard) {
        refuseDoctype(document, standard);
        if (standard == DocumentStandard.CXML) {
            document = withoutDoctype(document);
        }
        try {
            XMLReader reader = parsers.newSAXParser().getXMLReader();
            // Nothing external is ever read: the only DTD left by refuseDoctype is cXML's conventional
            // one, which declares nothing a mapping needs. An empty one stands in for it, should a parser
            // ask despite load-external-dtd being off (Saxon may reconfigure the reader it is handed).
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new java.io.StringReader("")));
            return new SAXSource(reader, new InputSource(new ByteArrayInputStream(document)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Cannot set up the JDK's SAX parser", e);
        }
    }

    /**
     * The cXML document with its DOCTYPE blanked out (spaces, so positions in errors stay true). Left
     * in, Saxon reconfigures the reader it is handed and has been seen to fetch the cXML DTD from
     * xml.cxml.org however load-external-dtd was set; refuseDoctype has made sure the DOCTYPE only
     * names that DTD and declares nothing, so nothing is lost.
     */
    static byte[] withoutDoctype(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        int start = head.indexOf("<!DOCTYPE");
        int end = start < 0 ? -1 : head.indexOf('>', start);
        if (end < 0) {
            return document;
        }
        byte[] blanked = document.clone();
        java.util.Arrays.fill(blanked, start, end + 1, (byte) ' ');
        return blanked;
    }

    private void refuseDoctype(byte[] document, DocumentStandard standard) {
        XMLStreamReader reader = null;
        try {
            reader = inputFactory.createXMLStreamReader(new ByteArrayInputStream(document));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD && !(standard == DocumentStandard.CXML && namesTheCxmlDtd(reader.getText()))) {
                    throw new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The " + standard.document()
                            + " declares a DTD; DTDs and external entities are refused"
                            + (standard == DocumentStandard.CXML ? " (a cXML document may name the cXML DTD, but declare nothing of its own)" : ""),
                            List.of());
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return;
                }
            }
        } catch (XMLStreamException e) {
            throw malformed(standard, e);
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

    /** {@code <!DOCTYPE cXML SYSTEM "...">} and nothing else: an internal subset ('[') could declare entities. */
    private static boolean namesTheCxmlDtd(String doctype) {
        return doctype != null && doctype.matches("(?s)<!DOCTYPE\\s+cXML\\s+(SYSTEM|PUBLIC)\\s[^\\[]*>");
    }

    static InputRejectedException malformed(DocumentStandard standard, Throwable cause) {
        return new InputRejectedException(ProblemType.MALFORMED_DOCUMENT, "The " + standard.document()
                + " is not well-formed XML (DTDs and external entities are refused): " + cause.getMessage(), List.of(), cause);
    }
}
