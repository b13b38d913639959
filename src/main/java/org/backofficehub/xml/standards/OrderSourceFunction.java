package org.backofficehub.xml.standards;

import java.util.Locale;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.lib.ExtensionFunctionCall;
import net.sf.saxon.lib.ExtensionFunctionDefinition;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.Sequence;
import net.sf.saxon.om.StructuredQName;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.value.SequenceType;
import net.sf.saxon.value.StringValue;
import org.backofficehub.util.Texts;

/**
 * {@code hub:order-source($standard, $scheme, $id)}, for mappings: the source of a sender's
 * orders, {@code standard:scheme:id} ({@code UBL:GLN:7300010000001}, {@code CXML:DUNS:942888711}),
 * so that a partner's order numbers never collide with the web store's or another sender's. The
 * ':' keeps it apart from every configured partner id and {@code WEBSTORE} (neither may contain
 * one); at most 35 characters, as the hub store and the ERP keep a source, a longer one keeping its
 * start and a digest of the whole, like the EDI stand-ins' ids.
 */
final class OrderSourceFunction extends ExtensionFunctionDefinition {

    static final int MAX_SOURCE = 35;

    @Override
    public StructuredQName getFunctionQName() {
        return new StructuredQName("hub", BusinessDocuments.MAPPING_NAMESPACE, "order-source");
    }

    @Override
    public SequenceType[] getArgumentTypes() {
        return new SequenceType[] {SequenceType.SINGLE_STRING, SequenceType.OPTIONAL_STRING, SequenceType.SINGLE_STRING};
    }

    @Override
    public SequenceType getResultType(SequenceType[] suppliedArgumentTypes) {
        return SequenceType.SINGLE_STRING;
    }

    @Override
    public ExtensionFunctionCall makeCallExpression() {
        return new ExtensionFunctionCall() {
            @Override
            public Sequence call(XPathContext context, Sequence[] arguments) throws XPathException {
                return new StringValue(source(text(arguments[0]), text(arguments[1]), text(arguments[2])));
            }
        };
    }

    /** The source of a sender known by this id under this scheme (none: ""), in this standard. */
    static String source(String standard, String scheme, String id) throws XPathException {
        if (id.isBlank()) {
            throw new XPathException("hub:order-source: the sender's id is empty; a mapping must refuse a document without one");
        }
        String source = standard.trim().toUpperCase(Locale.ROOT) + ":" + scheme.trim() + ":" + id.trim();
        return Texts.fit(source.replaceAll("\\s+", " "), MAX_SOURCE);
    }

    private static String text(Sequence argument) throws XPathException {
        Item item = argument.head();
        return item == null ? "" : item.getStringValue();
    }
}
