package org.backofficehub.inbox;

import org.backofficehub.json.WebOrderReader;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.Order;
import org.backofficehub.model.ProblemType;
import org.backofficehub.xml.XmlOrderCodec;

/**
 * Reads an order document of any supported format, recognised by its content rather than its
 * file name: partners name files however their systems do.
 */
public final class InboundDocumentReader {

    private final WebOrderReader json;
    private final XmlOrderCodec xml;

    public InboundDocumentReader(WebOrderReader json, XmlOrderCodec xml) {
        this.json = json;
        this.xml = xml;
    }

    public Order read(byte[] document) {
        return switch (DocumentFormat.detect(document)) {
            case JSON -> json.read(document);
            case XML -> xml.read(document);
            case UNKNOWN -> throw new InputRejectedException(ProblemType.UNSUPPORTED_FORMAT,
                    "The file is neither a JSON nor an XML order (it starts with '" + DocumentFormat.preview(document) + "')");
        };
    }
}
