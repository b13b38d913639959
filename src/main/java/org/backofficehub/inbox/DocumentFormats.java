package org.backofficehub.inbox;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.backofficehub.customer.CustomerExportReader;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.xml.standards.StandardRecognition;

/**
 * What an inbox file is, recognised by its first bytes rather than its name (partners name files
 * however their systems do): an EDI interchange (UNA, UNB, ISA), an ERP customer export (a CSV
 * whose header starts {@code customer_number,}), a JSON or an XML order document; of XML, by its
 * root element, the hub's own order or a business-document standard's (UBL, cXML, openTRANS).
 */
public final class DocumentFormats {

    /**
     * The header the inbox route chooses by: EDI, CUSTOMER_EXPORT, JSON, XML (the hub's own order),
     * UBL, CXML, OPENTRANS, UNSUPPORTED_XML (XML the hub does not read: a UBL Invoice, a stranger's
     * document) or UNKNOWN.
     */
    public static final String FORMAT = "hubDocumentFormat";
    /** What an UNSUPPORTED_XML document is, for its refusal to say ("a UBL Invoice (...); of UBL the hub reads ..."). */
    public static final String KIND = "hubDocumentKind";

    private static final int HEAD_BYTES = 64;

    private final StandardRecognition standards = new StandardRecognition();

    public void detect(Exchange exchange) throws IOException {
        Path file = file(exchange);
        byte[] head = head(file);
        String format = of(head);
        if ("UNKNOWN".equals(format) && head.length == HEAD_BYTES) {
            format = orderDocument(firstSignificantByte(file)); // more whitespace before it than the head holds
        }
        if ("XML".equals(format)) {
            StandardRecognition.Recognised recognised = standards.recognise(file);
            format = recognised.format();
            exchange.getMessage().setHeader(KIND, recognised.description());
        }
        exchange.getMessage().setHeader(FORMAT, format);
    }

    /**
     * The last word on a document of no format the hub reads. Its content is not quoted: it may be
     * anything (a key, a password file), and reasons are read by more people than the file.
     */
    public void refuse(Exchange exchange) throws IOException {
        String kind = exchange.getMessage().getHeader(KIND, String.class);
        if (kind != null) {
            throw new InputRejectedException(ProblemType.UNSUPPORTED_FORMAT, "The file is " + kind);
        }
        String start = preview(head(file(exchange)));
        for (String segment : new String[] {"UNH+", "ST*", "GS*", "UNG+"}) {
            if (start.startsWith(segment)) {
                throw new InputRejectedException(ProblemType.UNSUPPORTED_FORMAT, "The file is an EDI message without its interchange"
                        + " header (UNB or ISA), so neither its sender nor where to acknowledge it is known (it starts with a "
                        + segment.substring(0, segment.length() - 1) + " segment)");
            }
        }
        throw new InputRejectedException(ProblemType.UNSUPPORTED_FORMAT,
                "The file is not an order the hub reads: no EDI interchange (UNA, UNB, ISA), JSON or XML document, or ERP customer"
                        + " export (it starts with none of these)");
    }

    static String of(byte[] head) {
        if (EdiStandard.detect(head, head.length) != null) {
            return "EDI";
        }
        int afterBom = hasBom(head) ? 3 : 0;
        if (new String(head, afterBom, head.length - afterBom, StandardCharsets.UTF_8).startsWith(CustomerExportReader.HEADER_START)) {
            return "CUSTOMER_EXPORT";
        }
        int start = skipBomAndWhitespace(head);
        return start >= head.length ? "UNKNOWN" : orderDocument(head[start]);
    }

    private static String orderDocument(int firstSignificantByte) {
        return switch (firstSignificantByte) {
            case '{' -> "JSON";
            case '<' -> "XML";
            default -> "UNKNOWN";
        };
    }

    private static int firstSignificantByte(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (!Character.isWhitespace(b)) {
                    return b;
                }
            }
            return -1;
        }
    }

    /** The file an inbox exchange carries: read from disk, so that large files are never loaded to be recognised. */
    public static Path file(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof GenericFile<?> generic && generic.getFile() instanceof File file) {
            return file.toPath();
        }
        return Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }

    private static String preview(byte[] head) {
        int start = skipBomAndWhitespace(head);
        int end = Math.min(head.length, start + 20);
        return new String(head, start, Math.max(0, end - start), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
    }

    private static boolean hasBom(byte[] document) {
        return document.length >= 3 && (document[0] & 0xFF) == 0xEF && (document[1] & 0xFF) == 0xBB && (document[2] & 0xFF) == 0xBF;
    }

    private static int skipBomAndWhitespace(byte[] document) {
        int i = hasBom(document) ? 3 : 0;
        while (i < document.length && Character.isWhitespace(document[i])) {
            i++;
        }
        return i;
    }
}
