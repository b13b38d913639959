package org.backofficehub.edi.reading.smooks;

import javax.inject.Inject;
import org.smooks.api.ExecutionContext;
import org.smooks.api.TypedKey;
import org.smooks.api.resource.visitor.sax.ng.ElementVisitor;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Element;

/**
 * The hub's Smooks visitor (edi/smooks/edifact-*.xml, on every element): hands each element of the
 * interchange to its {@link EdifactXmlReading} as Smooks' EDIFACT cartridge parses it, so messages
 * become events while the interchange is still being read, and Smooks keeps no document of it.
 * At the interchange's end its events are the bean the configuration exports: the result of the
 * route's smooks: endpoint.
 */
public final class EdifactVisitor implements ElementVisitor {

    /** The bean id of the interchange's events, which the Smooks configurations export. */
    public static final String EVENTS = "interchangeEvents";

    private static final TypedKey<EdifactXmlReading> READING = TypedKey.of();

    /** D96A or D01B: the configuration's directory, whose schema the interchange must have been read with. */
    @Inject
    private String directory;

    @Override
    public void visitBefore(Element element, ExecutionContext executionContext) {
        EdifactXmlReading reading = executionContext.get(READING);
        if (reading == null) {
            reading = new EdifactXmlReading(directory, element.getNamespaceURI());
            executionContext.put(READING, reading);
        }
        reading.start(name(element));
    }

    @Override
    public void visitChildText(CharacterData text, ExecutionContext executionContext) {
        executionContext.get(READING).text(text.getData());
    }

    @Override
    public void visitChildElement(Element child, ExecutionContext executionContext) {
        // Seen in visitBefore.
    }

    @Override
    public void visitAfter(Element element, ExecutionContext executionContext) {
        EdifactXmlReading reading = executionContext.get(READING);
        if (reading.end()) {
            executionContext.getBeanContext().addBean(EVENTS, reading.events());
        }
    }

    private static String name(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getNodeName();
    }
}
