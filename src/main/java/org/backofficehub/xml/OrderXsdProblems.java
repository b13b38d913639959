package org.backofficehub.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Result;
import javax.xml.validation.Schema;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.validation.ValidatorErrorHandler;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.xml.sax.SAXParseException;

/**
 * What the {@code validator:} step tells a sender whose XML order does not match
 * {@code schema/order.xsd}: every error with its line and column (up to a bound), or why the
 * document is not well-formed. The validator makes one of these per document. An order a mapping
 * made of another standard's document is named as such (header {@link #MAPPED_BY}): its lines and
 * columns are the mapping's output, not the sender's document.
 */
public final class OrderXsdProblems implements ValidatorErrorHandler {

    /** Which mapping made the order from which document, e.g. "the mapping ... made of this UBL 2.1 Order". */
    public static final String MAPPED_BY = "hubMappedBy";

    private static final int MAX_REPORTED_PROBLEMS = 20;

    private final List<FieldProblem> errors = new ArrayList<>();
    private SAXParseException fatal;

    @Override
    public void reset() {
        errors.clear();
        fatal = null;
    }

    @Override
    public void warning(SAXParseException exception) {
        // the schema's warnings are no reason to refuse an order
    }

    @Override
    public void error(SAXParseException exception) {
        if (errors.size() < MAX_REPORTED_PROBLEMS) {
            errors.add(new FieldProblem("line " + exception.getLineNumber() + ", column " + exception.getColumnNumber(),
                    exception.getMessage()));
        }
    }

    @Override
    public void fatalError(SAXParseException exception) {
        if (fatal == null) {
            fatal = exception;
        }
    }

    @Override
    public void handleErrors(Exchange exchange, Schema schema, Result result) {
        if (fatal != null) {
            throw XmlOrders.malformed(fatal);
        }
        if (!errors.isEmpty()) {
            FieldProblem first = errors.get(0);
            String mappedBy = exchange.getMessage().getHeader(MAPPED_BY, String.class);
            throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION, "The order" + (mappedBy == null ? "" : " " + mappedBy)
                    + " does not match order.xsd at " + first.field() + ": " + first.reason(), List.copyOf(errors));
        }
    }
}
