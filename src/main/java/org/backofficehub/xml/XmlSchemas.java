package org.backofficehub.xml;

import javax.xml.XMLConstants;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** The hub's published XML schemas, loaded once each with external DTDs and schemas refused. */
public final class XmlSchemas {

    private XmlSchemas() {
    }

    /** {@code resource}: a classpath path such as {@code /schema/order.xsd}. */
    public static Schema load(String resource) throws SAXException {
        return factory().newSchema(XmlSchemas.class.getResource(resource));
    }

    /**
     * The JDK's own implementation, for the routes' {@code validator:} steps too: the Smooks
     * engine's libraries put Xerces on the classpath, whose factories ignore the properties that
     * keep external entities out.
     */
    public static SchemaFactory factory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("The JDK's schema factory refuses to keep external entities out", e);
        }
        return factory;
    }
}
