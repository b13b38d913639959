package org.backofficehub.xml.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.transform.Source;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.SequenceIterator;
import net.sf.saxon.trans.XPathException;
import javax.xml.transform.TransformerException;
import org.apache.camel.Exchange;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.xml.OrderXsdProblems;
import org.xml.sax.SAXParseException;

/**
 * A business document through its standard's mapping: opened for the stylesheet (DTD policy,
 * the original bytes kept for the answer), mapped to the hub's XML order, and the stylesheet's
 * refusal turned into the hub's.
 *
 * <p>A mapping refuses a document by raising the error {@code hub:refused} (namespace
 * {@value #MAPPING_NAMESPACE}) with its problems as the error object, one
 * {@code <hub:problem field="..." type="...">reason</hub:problem>} each ({@code type} a problem
 * slug such as {@code unsupported-format}; schema-violation if absent). Any other error of the
 * stylesheet is the mapping's fault, not the sender's, and is reported as such.
 */
public final class BusinessDocuments {

    public static final String MAPPING_NAMESPACE = "urn:backoffice-hub:mapping";
    /** The exchange property holding the document as it was received (for its order response). */
    public static final String ORIGINAL = "hubBusinessDocument";

    private static final int MAX_REPORTED_PROBLEMS = 20;

    private final MappingStylesheets stylesheets;
    private final DocumentSources sources;

    public BusinessDocuments(MappingStylesheets stylesheets) {
        this.stylesheets = stylesheets;
        this.sources = new DocumentSources();
    }

    /**
     * The document as its stylesheet reads it ({@code format}: the standard's name, UBL, CXML or
     * OPENTRANS); the original is kept, and a refusal of the mapped order will name the mapping.
     */
    public Source open(byte[] document, String format, Exchange exchange) {
        DocumentStandard standard = standard(format);
        exchange.setProperty(ORIGINAL, document);
        exchange.getMessage().setHeader(OrderXsdProblems.MAPPED_BY, "the mapping " + mapping(standard) + " made of this "
                + standard.document());
        return sources.open(document, standard);
    }

    /** The hub's XML order the standard's mapping makes of the document; refused as the mapping says, or if not well-formed. */
    public byte[] map(Source document, String format) {
        DocumentStandard standard = standard(format);
        try {
            return stylesheets.transform(standard.mappingSetting(), document, Map.of());
        } catch (TransformerException e) {
            throw refused(e, standard);
        }
    }

    /** The stylesheet's failure as the hub's refusal of the document, or as the mapping's own failure. */
    private RuntimeException refused(TransformerException failure, DocumentStandard standard) {
        XPathException error = find(failure, XPathException.class);
        if (error != null && error.getErrorCodeQName() != null
                && MAPPING_NAMESPACE.equals(error.getErrorCodeQName().getURI())
                && "refused".equals(error.getErrorCodeQName().getLocalPart())) {
            return refusal(standard, error);
        }
        SAXParseException notWellFormed = find(failure, SAXParseException.class);
        if (notWellFormed != null) {
            return DocumentSources.malformed(standard, notWellFormed);
        }
        return new MappingFailedException("The mapping " + mapping(standard) + " failed on this " + standard.document() + ": "
                + failure.getMessageAndLocation(), failure);
    }

    private String mapping(DocumentStandard standard) {
        return stylesheets.location(standard.mappingSetting()) + " (" + standard.mappingSetting() + ")";
    }

    private static InputRejectedException refusal(DocumentStandard standard, XPathException error) {
        List<FieldProblem> problems = new ArrayList<>();
        ProblemType type = null;
        Sequence reported = error.getErrorObject();
        if (reported != null) {
            SequenceIterator items = reported.iterate();
            for (Item item = items.next(); item != null && problems.size() < MAX_REPORTED_PROBLEMS; item = items.next()) {
                String field = item instanceof NodeInfo node ? node.getAttributeValue("", "field") : null;
                String slug = item instanceof NodeInfo node ? node.getAttributeValue("", "type") : null;
                problems.add(new FieldProblem(field == null ? "" : field, item.getStringValue().trim()));
                type = type == null ? problemType(slug) : type;
            }
        }
        String reason = problems.isEmpty() ? error.getMessage()
                : String.join("; ", problems.stream().map(FieldProblem::reason).toList());
        return new InputRejectedException(type == null ? ProblemType.SCHEMA_VIOLATION : type,
                "The " + standard.document() + " cannot be booked: " + reason, problems, error);
    }

    private static ProblemType problemType(String slug) {
        if (slug == null) {
            return ProblemType.SCHEMA_VIOLATION;
        }
        for (ProblemType type : ProblemType.values()) {
            if (type.slug().equals(slug.trim())) {
                return type;
            }
        }
        return ProblemType.SCHEMA_VIOLATION;
    }

    private static DocumentStandard standard(String format) {
        DocumentStandard standard = DocumentStandard.ofFormat(format);
        if (standard == null) {
            throw new IllegalArgumentException("Not a business-document standard: " + format);
        }
        return standard;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
