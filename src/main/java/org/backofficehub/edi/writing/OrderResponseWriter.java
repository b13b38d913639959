package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.backofficehub.model.OrderLine;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.OrderResponse;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * Order responses: EDIFACT ORDRSP (BGM 231; 29 accepted, 27 not accepted) and X12 855 (BAK02 AD
 * acknowledged without change, RJ rejected), one message per order, every line echoed with its
 * status so the buyer's system can match them.
 */
final class OrderResponseWriter {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private OrderResponseWriter() {
    }

    static void writeOrdrspMessages(SegmentWriter out, PartnerProfile partner, List<OrderResponse> responses,
                                    long firstMessageNumber, ZonedDateTime now) {
        long number = firstMessageNumber;
        for (OrderResponse response : responses) {
            String reference = OutboundEnvelope.openMessage(out, partner, "ORDRSP", number++);
            out.segment("BGM", "231", response.accepted() ? response.erpOrderNumber() : response.order().orderId(),
                    response.accepted() ? "29" : "27");
            out.segment("DTM", Composite.of("137", CCYYMMDD.format(now), "102"));
            if (!response.accepted()) {
                out.segment("FTX", "AAO", "", "", Composite.of(limit(response.refusal(), 512)));
            }
            out.segment("RFF", Composite.of("ON", response.order().orderId()));
            out.segment("DTM", Composite.of("171", CCYYMMDD.format(response.order().orderDate()), "102"));
            for (OrderLine line : response.order().lines()) {
                out.segment("LIN", Integer.toString(line.lineNumber()), response.accepted() ? "5" : "7", Composite.of(line.sku(), "SA"));
                out.segment("QTY", Composite.of("21", line.quantity().toPlainString()));
                out.segment("PRI", Composite.of("AAA", line.unitPrice().toPlainString()));
            }
            out.segment("UNS", "S");
            out.segment("CNT", Composite.of("2", Integer.toString(response.order().lines().size())));
            out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
        }
    }

    static void write855Sets(SegmentWriter out, List<OrderResponse> responses, long firstSetNumber, ZonedDateTime now) {
        long number = firstSetNumber;
        for (OrderResponse response : responses) {
            String control = String.format("%04d", number++ % 1_000_000_000L);
            out.segment("ST", "855", control);
            out.segment("BAK", "00", response.accepted() ? "AD" : "RJ", response.order().orderId(),
                    CCYYMMDD.format(response.order().orderDate()), "", "", "", response.accepted() ? response.erpOrderNumber() : "",
                    CCYYMMDD.format(now));
            if (!response.accepted()) {
                out.segment("MSG", limit(response.refusal(), 264));
            }
            for (OrderLine line : response.order().lines()) {
                out.segment("PO1", Integer.toString(line.lineNumber()), line.quantity().toPlainString(), "EA",
                        line.unitPrice().toPlainString(), "", "VP", line.sku());
                out.segment("ACK", response.accepted() ? "IA" : "IR", line.quantity().toPlainString(), "EA");
            }
            out.segment("CTT", Integer.toString(response.order().lines().size()));
            out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), control);
        }
    }

    private static String limit(String text, int max) {
        String clean = text == null ? "" : text.replaceAll("\\s+", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
