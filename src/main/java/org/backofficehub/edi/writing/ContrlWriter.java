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
 * interchange and every message not listed; so every rejected message follows, however many, as
 * UCM with action 4 and the UCS/UCD segments pointing at the segment and element at fault. A
 * refused interchange is UCI action 4. What UCI and UCM repeat of the inbound interchange is cut
 * to the lengths CONTRL allows, and an invalid qualifier is left out ({@link Echo}).
 */
final class ContrlWriter {

    private ContrlWriter() {
    }

    static void write(SegmentWriter out, InterchangeReport report, PartnerProfile partner, String interchangeNumber,
                      long messageNumber, ZonedDateTime now) {
        Envelope in = report.envelope();
        OutboundEnvelope.openEdifact(out, partner, interchangeNumber, now, "CONTRL", in.test());
        String reference = Long.toString(messageNumber);
        out.segment("UNH", reference, Composite.of("CONTRL", "D", "3", "UN"));
        Listing listing = report.rejected() ? Listing.NONE : listing(report);
        if (listing == Listing.TOO_MANY) {
            // Cannot happen for an interchange whose UNZ count checked out (at most 999,999 messages, so
            // rejected ones beyond 999,996 leave at most three accepted), but an acknowledgement never
            // says less than the truth: refused whole rather than some refused messages left unlisted.
            out.segment("UCI", Echo.cut(in.controlNumber(), 14), Composite.of(Echo.cut(in.senderId(), 35),
                    Echo.edifactQualifier(in.senderQualifier())), Composite.of(Echo.cut(in.recipientId(), 35),
                    Echo.edifactQualifier(in.recipientQualifier())), "4", "18");
        } else {
            out.segment("UCI", uciElements(report, in));
        }
        if (listing == Listing.DETAILED || listing == Listing.BRIEF) {
            for (GroupReport group : report.groups()) {
                for (MessageVerdict message : group.rejectedMessages()) {
                    writeUcm(out, message, listing == Listing.BRIEF);
                }
            }
        }
        out.segment("UNT", Integer.toString(out.messageSegmentsWithTrailer()), reference);
        OutboundEnvelope.closeEdifact(out, 1, interchangeNumber);
    }

    private static Object[] uciElements(InterchangeReport report, Envelope in) {
        Composite sender = Composite.of(Echo.cut(in.senderId(), 35), Echo.edifactQualifier(in.senderQualifier()));
        Composite recipient = Composite.of(Echo.cut(in.recipientId(), 35), Echo.edifactQualifier(in.recipientQualifier()));
        String controlNumber = Echo.cut(in.controlNumber(), 14);
        if (report.rejection() != null) {
            // 26 duplicate, 23 unknown sender, 13 missing (the UNZ of a truncated file), 18 unspecified.
            return switch (report.rejection()) {
                case DUPLICATE -> new Object[] {controlNumber, sender, recipient, "4", "26", "UNB"};
                case UNKNOWN_PARTNER -> new Object[] {controlNumber, sender, recipient, "4", "23", "UNB"};
                case TRUNCATED -> new Object[] {controlNumber, sender, recipient, "4", "13", "UNZ"};
                case UNREADABLE -> new Object[] {controlNumber, sender, recipient, "4", "18"};
            };
        }
        if (!report.envelopeErrors().isEmpty()) {
            SyntaxError first = report.envelopeErrors().get(0);
            return new Object[] {controlNumber, sender, recipient, "4", AckCodes.edifact(first.error()), first.segmentTag(),
                    Composite.of(Integer.toString(first.elementPosition()), first.componentPosition() > 0 ? Integer.toString(first.componentPosition()) : "")};
        }
        return new Object[] {controlNumber, sender, recipient, "7"};
    }

    /** A CONTRL message has at most 999,999 segments (UNT's count has six digits), UNH, UCI and UNT included. */
    static final long MAX_SEGMENTS = 999_999;

    /** How the rejected messages are listed: each with the segments and elements at fault, or (if those do not fit) one UCM each. */
    private enum Listing { NONE, DETAILED, BRIEF, TOO_MANY }

    private static Listing listing(InterchangeReport report) {
        long messages = 0;
        long detailed = 3;
        for (GroupReport group : report.groups()) {
            for (MessageVerdict message : group.rejectedMessages()) {
                messages++;
                detailed += 1;
                for (SyntaxError error : message.errors()) {
                    detailed += isTrailer(error) ? 0 : error.aboutSegment() ? 1 : 2;
                }
            }
        }
        if (messages == 0) {
            return Listing.NONE;
        }
        if (detailed <= MAX_SEGMENTS) {
            return Listing.DETAILED;
        }
        return 3 + messages <= MAX_SEGMENTS ? Listing.BRIEF : Listing.TOO_MANY;
    }

    private static boolean isTrailer(SyntaxError error) {
        return "UNT".equals(error.segmentTag()) || "UNH".equals(error.segmentTag());
    }

    /** @param brief one UCM only, with the first error's code: what fits when every error would not */
    private static void writeUcm(SegmentWriter out, MessageVerdict message, boolean brief) {
        Composite identifier = messageIdentifier(message);
        SyntaxError trailer = message.errors().stream().filter(ContrlWriter::isTrailer).findFirst().orElse(null);
        String reference = Echo.cut(message.controlNumber(), 14);
        if (message.errors().isEmpty()) {
            int component = AckCodes.edifactRefusalComponent(message.refusal());
            if (component > 0) {
                // Points at UNH's message identifier (S009): its type or its version.
                out.segment("UCM", reference, identifier, "4", AckCodes.edifactRefusal(message.refusal()), "UNH",
                        Composite.of("2", Integer.toString(component)));
            } else {
                out.segment("UCM", reference, identifier, "4", AckCodes.edifactRefusal(message.refusal()));
            }
            return;
        }
        if (trailer != null) {
            out.segment("UCM", reference, identifier, "4", AckCodes.edifact(trailer.error()), trailer.segmentTag());
        } else if (brief) {
            out.segment("UCM", reference, identifier, "4", AckCodes.edifact(message.errors().get(0).error()));
        } else {
            out.segment("UCM", reference, identifier, "4");
        }
        if (brief) {
            return;
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
        return Composite.of(Echo.cut(message.type(), 6), Echo.cut(directory, 3), Echo.cut(release, 3), "UN",
                Echo.cut(message.association(), 6));
    }
}
