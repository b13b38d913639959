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
import org.apache.camel.Exchange;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.xml.OrderXsdProblems;
import org.xml.sax.SAXParseException;

/**
 * The steps around a business document's mapping: the document opened for its stylesheet (DTD
 * policy, original bytes kept for the answer) and the stylesheet's refusal turned into the hub's.
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

    private final Map<DocumentStandard, String> mappings;
    private final DocumentSources sources;

    /** @param mappings where each standard's stylesheet is (the hub.mapping.* settings), for reasons to name */
    public BusinessDocuments(Map<DocumentStandard, String> mappings) {
        this.mappings = Map.copyOf(mappings);
        this.sources = new DocumentSources();
    }

    /**
     * The document as its stylesheet reads it ({@code format}: the standard's name, UBL, CXML or
     * OPENTRANS); the original is kept, and a refusal of the mapped order will name the mapping.
     */
    public Source open(byte[] document, String format, Exchange exchange) {
        DocumentStandard standard = standard(format);
        exchange.setProperty(ORIGINAL, document);
        exchange.getMessage().setHeader(OrderXsdProblems.MAPPED_BY, "the mapping " + mappings.get(standard) + " ("
                + standard.mappingSetting() + ") made of this " + standard.document());
        return sources.open(document, standard);
    }

    /** The stylesheet's failure as the hub's refusal of the document; always throws. */
    public void refused(Exception failure, String format) {
        DocumentStandard standard = standard(format);
        XPathException error = find(failure, XPathException.class);
        if (error != null && error.getErrorCodeQName() != null
                && MAPPING_NAMESPACE.equals(error.getErrorCodeQName().getURI())
                && "refused".equals(error.getErrorCodeQName().getLocalPart())) {
            throw refusal(standard, error);
        }
        SAXParseException notWellFormed = find(failure, SAXParseException.class);
        if (notWellFormed != null) {
            throw DocumentSources.malformed(standard, notWellFormed);
        }
        throw new IllegalStateException("The mapping " + mappings.get(standard) + " (" + standard.mappingSetting()
                + ") failed on this " + standard.document() + ": " + failure.getMessage(), failure);
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
