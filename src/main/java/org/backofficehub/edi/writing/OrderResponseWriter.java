package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.ItemIdentifier;
import org.backofficehub.model.UnitOfMeasure;
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
            out.segment("BGM", "231", response.accepted() && response.erpOrderNumber() != null ? response.erpOrderNumber()
                            : response.order().orderId(),
                    response.accepted() ? "29" : "27");
            out.segment("DTM", Composite.of("137", CCYYMMDD.format(now), "102"));
            if (!response.accepted()) {
                writeFreeText(out, response.refusal());
            }
            out.segment("RFF", Composite.of("ON", response.order().orderId()));
            out.segment("DTM", Composite.of("171", CCYYMMDD.format(response.order().orderDate()), "102"));
            for (OrderLine line : response.order().lines()) {
                List<ItemIdentifier> ids = echoed(line);
                ItemIdentifier first = ids.get(0);
                out.segment("LIN", Integer.toString(line.lineNumber()), response.accepted() ? "5" : "7",
                        Composite.of(first.value(), first.qualifier().isEmpty() ? "SA" : first.qualifier()));
                // A PIA holds five identifiers and repeats (25 times in SG26): every one the partner sent is echoed,
                // as Evergreen's orders send up to seven (a title's other ISBNs, then their own line number as SA).
                for (int from = 1; from < ids.size(); from += 5) {
                    List<ItemIdentifier> more = ids.subList(from, Math.min(ids.size(), from + 5));
                    Object[] pia = new Object[more.size() + 1];
                    pia[0] = "1";
                    for (int i = 0; i < more.size(); i++) {
                        pia[i + 1] = Composite.of(more.get(i).value(), more.get(i).qualifier().isEmpty() ? "SA" : more.get(i).qualifier());
                    }
                    out.segment("PIA", pia);
                }
                if (line.quantity() != null) {
                    out.segment("QTY", line.unit() == null ? Composite.of("21", line.quantity().toPlainString())
                            : Composite.of("21", line.quantity().toPlainString(), line.unit()));
                }
                if (line.unitPrice() != null) {
                    out.segment("PRI", Composite.of("AAA", line.unitPrice().toPlainString()));
                }
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
                    CCYYMMDD.format(response.order().orderDate()), "", "", "", response.accepted() && response.erpOrderNumber() != null ? response.erpOrderNumber() : "",
                    CCYYMMDD.format(now));
            if (!response.accepted()) {
                out.segment("MSG", limit(response.refusal(), 264));
            }
            for (OrderLine line : response.order().lines()) {
                String quantity = line.quantity() == null ? "" : line.quantity().toPlainString();
                String unit = line.quantity() == null ? "" : UnitOfMeasure.toX12(line.unit());
                List<Object> po1 = new ArrayList<>(List.of(Integer.toString(line.lineNumber()), quantity, unit,
                        line.unitPrice() == null ? "" : line.unitPrice().toPlainString(), ""));
                List<ItemIdentifier> ids = echoed(line);
                for (ItemIdentifier id : ids.subList(0, Math.min(ids.size(), 10))) {
                    po1.add(id.qualifier().isEmpty() ? "VP" : id.qualifier());
                    po1.add(id.value());
                }
                out.segment("PO1", po1.toArray());
                out.segment("ACK", response.accepted() ? "IA" : "IR", quantity, unit);
            }
            out.segment("CTT", Integer.toString(response.order().lines().size()));
            out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), control);
        }
    }

    /**
     * The line's item as the partner named it, every identifier it sent, then our item number
     * where the catalogue resolved one the partner did not send (as the supplier's number, VP/SA).
     */
    private static List<ItemIdentifier> echoed(OrderLine line) {
        List<ItemIdentifier> ids = new ArrayList<>(line.itemIds());
        boolean ours = line.sku() != null && ids.stream().anyMatch(id -> id.kind() == ItemIdentifier.Kind.SUPPLIER && id.value().equals(line.sku()));
        if (line.sku() != null && !ours) {
            ids.add(new ItemIdentifier(ItemIdentifier.Kind.SUPPLIER, "", line.sku()));
        }
        if (ids.isEmpty()) {
            ids.add(new ItemIdentifier(ItemIdentifier.Kind.OTHER, "", ""));
        }
        return ids;
    }

    /**
     * The reason as FTX+AAO segments: up to five text components (4440) each, of at most 70
     * characters (4440 is an..70 up to D97A, and StAEDI's writer holds at most 500 with release
     * characters doubling the text) ending between words; a reason over 5,000 characters is cut with "...".
     */
    private static void writeFreeText(SegmentWriter out, String reason) {
        String text = limit(reason, 5_000);
        if (text.length() == 5_000) {
            text = text.substring(0, 4_997) + "...";
        }
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + 70);
            int space = text.lastIndexOf(' ', to - 1);
            if (to < text.length() && space > from + 40) {
                to = space + 1; // a component ends between words: a reader shows the components as lines
            }
            lines.add(text.substring(from, to));
            from = to;
        }
        for (int first = 0; first < lines.size(); first += 5) {
            out.segment("FTX", "AAO", "", "", Composite.of(lines.subList(first, Math.min(lines.size(), first + 5)).toArray(String[]::new)));
        }
    }

    private static String limit(String text, int max) {
        String clean = text == null ? "" : text.replaceAll("\\s+", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
