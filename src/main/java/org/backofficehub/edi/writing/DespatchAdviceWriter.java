package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.backofficehub.model.UnitOfMeasure;
import org.backofficehub.erp.ErpOrder;
import org.backofficehub.model.OrderLine;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * Despatch advices for booked orders: EDIFACT DESADV (BGM 351) and X12 856 with the
 * shipment / order / item hierarchy. The whole order ships in one consignment.
 */
final class DespatchAdviceWriter {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private DespatchAdviceWriter() {
    }

    static String despatchNumber(ErpOrder order) {
        return "DES-" + order.erpOrderNumber();
    }

    static void writeDesadv(SegmentWriter out, PartnerProfile partner, ErpOrder erp, long messageNumber, ZonedDateTime now) {
        String reference = OutboundEnvelope.openMessage(out, partner, "DESADV", messageNumber);
        out.segment("BGM", "351", despatchNumber(erp), "9");
        out.segment("DTM", Composite.of("137", CCYYMMDD.format(now), "102"));
        out.segment("DTM", Composite.of("11", CCYYMMDD.format(now), "102"));
        out.segment("RFF", Composite.of("ON", erp.order().orderId()));
        InvoiceWriter.nad(out, "DP", erp.order().deliveryParty());
        out.segment("CPS", "1");
        for (OrderLine line : erp.order().lines()) {
            out.segment("LIN", Integer.toString(line.lineNumber()), "", Composite.of(line.sku(), "SA"));
            out.segment("QTY", InvoiceWriter.quantity("12", line));
        }
        out.segment("CNT", Composite.of("2", Integer.toString(erp.order().lines().size())));
        out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
    }

    static void write856(SegmentWriter out, ErpOrder erp, long setNumber, ZonedDateTime now) {
        String control = String.format("%04d", setNumber % 1_000_000_000L);
        out.segment("ST", "856", control);
        out.segment("BSN", "00", despatchNumber(erp), CCYYMMDD.format(now), HHMM.format(now));
        out.segment("HL", "1", "", "S");
        out.segment("DTM", "011", CCYYMMDD.format(now));
        out.segment("N1", "ST", erp.order().deliveryParty().name());
        InvoiceWriter.x12Address(out, erp.order().deliveryParty().address());
        out.segment("HL", "2", "1", "O");
        out.segment("PRF", erp.order().orderId());
        int hierarchy = 2;
        for (OrderLine line : erp.order().lines()) {
            hierarchy++;
            out.segment("HL", Integer.toString(hierarchy), "2", "I");
            out.segment("LIN", "", "VP", line.sku());
            out.segment("SN1", "", line.quantity().toPlainString(), UnitOfMeasure.toX12(line.unit()));
        }
        out.segment("CTT", Integer.toString(hierarchy));
        out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), control);
    }
}
