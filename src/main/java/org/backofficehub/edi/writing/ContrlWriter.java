package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * The UN/EDIFACT CONTRL message for an inbound interchange. UCI action 7 acknowledges the
 * interchange and every message not listed; rejected messages follow as UCM with action 4 and the
 * UCS/UCD segments pointing at the segment and element at fault. A refused interchange is UCI action 4.
 */
final class ContrlWriter {

    private ContrlWriter() {
    }

    static void write(SegmentWriter out, InterchangeReport report, PartnerProfile partner, String interchangeNumber,
                      long messageNumber, ZonedDateTime now) {
        Envelope in = report.envelope();
        OutboundEnvelope.openEdifact(out, partner, interchangeNumber, now, "CONTRL");
        String reference = Long.toString(messageNumber);
        out.segment("UNH", reference, Composite.of("CONTRL", "D", "3", "UN"));
        out.segment("UCI", uciElements(report, in));
        if (!report.rejected()) {
            for (GroupReport group : report.groups()) {
                for (MessageVerdict message : group.rejectedMessages()) {
                    writeUcm(out, message);
                }
            }
        }
        out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
        OutboundEnvelope.closeEdifact(out, 1, interchangeNumber);
    }

    private static Object[] uciElements(InterchangeReport report, Envelope in) {
        Composite sender = Composite.of(in.senderId(), in.senderQualifier());
        Composite recipient = Composite.of(in.recipientId(), in.recipientQualifier());
        if (report.rejection() != null) {
            // 26 duplicate, 23 unknown sender, 13 missing (the UNZ of a truncated file), 18 unspecified.
            return switch (report.rejection()) {
                case DUPLICATE -> new Object[] {in.controlNumber(), sender, recipient, "4", "26", "UNB"};
                case UNKNOWN_PARTNER -> new Object[] {in.controlNumber(), sender, recipient, "4", "23", "UNB"};
                case TRUNCATED -> new Object[] {in.controlNumber(), sender, recipient, "4", "13", "UNZ"};
                case UNREADABLE -> new Object[] {in.controlNumber(), sender, recipient, "4", "18"};
            };
        }
        if (!report.envelopeErrors().isEmpty()) {
            SyntaxError first = report.envelopeErrors().get(0);
            return new Object[] {in.controlNumber(), sender, recipient, "4", AckCodes.edifact(first.error()), first.segmentTag(),
                    Composite.of(Integer.toString(first.elementPosition()), first.componentPosition() > 0 ? Integer.toString(first.componentPosition()) : "")};
        }
        return new Object[] {in.controlNumber(), sender, recipient, "7"};
    }

    private static void writeUcm(SegmentWriter out, MessageVerdict message) {
        Composite identifier = messageIdentifier(message);
        SyntaxError trailer = message.errors().stream().filter(e -> "UNT".equals(e.segmentTag()) || "UNH".equals(e.segmentTag()))
                .findFirst().orElse(null);
        if (message.notSupported()) {
            // 14, value not supported in this position: the message type or version UNH's S009 names.
            out.segment("UCM", message.controlNumber(), identifier, "4", "14", "UNH", "2");
            return;
        }
        if (message.errors().isEmpty()) {
            out.segment("UCM", message.controlNumber(), identifier, "4", "18");
            return;
        }
        if (trailer != null) {
            out.segment("UCM", message.controlNumber(), identifier, "4", AckCodes.edifact(trailer.error()), trailer.segmentTag());
        } else {
            out.segment("UCM", message.controlNumber(), identifier, "4");
        }
        for (SyntaxError error : message.errors()) {
            if (error == trailer) {
                continue;
            }
            if (error.aboutSegment()) {
                out.segment("UCS", Integer.toString(error.segmentPosition()), AckCodes.edifact(error.error()));
            } else {
                out.segment("UCS", Integer.toString(error.segmentPosition()));
                out.segment("UCD", AckCodes.edifact(error.error()), Composite.of(Integer.toString(error.elementPosition()),
                        error.componentPosition() > 0 ? Integer.toString(error.componentPosition()) : ""));
            }
        }
    }

    private static Composite messageIdentifier(MessageVerdict message) {
        String version = message.version() == null ? "" : message.version();
        String directory = version.length() > 1 ? version.substring(0, 1) : version;
        String release = version.length() > 1 ? version.substring(1) : "";
        return Composite.of(message.type(), directory, release, "UN", message.association());
    }
}
