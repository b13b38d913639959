package org.backofficehub.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import javax.xml.validation.Schema;
import org.backofficehub.util.BuiltOnFirstUse;
import org.xml.sax.SAXException;

/**
 * A JAXB binding and the XML Schema its documents are validated against, built on first use
 * (both take a noticeable share of start-up) and shared: both are thread-safe.
 */
public final class XmlBinding {

    private final BuiltOnFirstUse<Built> built;

    public XmlBinding(Class<?> boundType, String schemaResource) {
        built = new BuiltOnFirstUse<>(() -> {
            try {
                return new Built(JAXBContext.newInstance(boundType), XmlSchemas.load(schemaResource));
            } catch (JAXBException | SAXException e) {
                throw new IllegalStateException("Cannot set up the XML binding of " + boundType.getSimpleName()
                        + " with " + schemaResource, e);
            }
        });
    }

    public JAXBContext context() {
        return built.get().context();
    }

    public Schema schema() {
        return built.get().schema();
    }

    private record Built(JAXBContext context, Schema schema) {
    }
}
