package org.backofficehub.edi.writing;

import io.xlate.edi.stream.EDIStreamValidationError;
import java.time.ZonedDateTime;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.Envelope;
import org.backofficehub.edi.FunctionalGroup;
import org.backofficehub.edi.GroupReport;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.MessageVerdict;
import org.backofficehub.edi.SyntaxError;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * X12 acknowledgements for an inbound interchange: a 997 (004010) or 999 (005010) per functional
 * group, and a TA1 instead when the envelope itself is refused. Transaction sets in error are
 * listed with AK3/AK4 (IK3/IK4) pointing at the segment and element; AK9 counts the rest.
 */
final class X12AckWriter {

    private X12AckWriter() {
    }

    /**
     * Writes the TA1 for a refused interchange. It repeats the refused ISA's control number, date
     * and time as far as they are valid ({@link Echo}); the envelope around it is the hub's own,
     * with the partner profile's values, never the refused envelope's.
     */
    static void writeTa1(SegmentWriter out, InterchangeReport report, PartnerProfile partner, String interchangeNumber,
                         ZonedDateTime now) {
        Envelope in = report.envelope();
        String version = in.syntaxVersion() != null && in.syntaxVersion().startsWith("005") ? "005010" : "004010";
        OutboundEnvelope.openX12(out, partner, version, interchangeNumber, now, in.test());
        out.segment("TA1", Echo.x12ControlNumber(in.controlNumber()), Echo.x12Date(in.date(), now), Echo.x12Time(in.time(), now),
                "R", AckCodes.ta1(report));
        OutboundEnvelope.closeX12(out, 0, interchangeNumber);
    }

    /** Writes the 997/999 interchange: one acknowledgement transaction set per inbound group. */
    static void writeFunctionalAcks(SegmentWriter out, InterchangeReport report, PartnerProfile partner, AckType type,
                                    String interchangeNumber, long groupNumber, long firstSetNumber, ZonedDateTime now) {
        boolean v5010 = type == AckType.X999;
        String version = v5010 ? "005010X231A1" : "004010";
        OutboundEnvelope.openX12(out, partner, v5010 ? "005010" : "004010", interchangeNumber, now, report.envelope().test());
        OutboundEnvelope.openGroup(out, partner, "FA", version, groupNumber, now);
        long setNumber = firstSetNumber;
        int sets = 0;
        for (GroupReport group : report.groups()) {
            if (group.group() == null) {
                continue;
            }
            writeAckSet(out, group, v5010, String.format("%04d", setNumber++ % 1_000_000_000L));
            sets++;
        }
        OutboundEnvelope.closeGroup(out, sets, groupNumber);
        OutboundEnvelope.closeX12(out, 1, interchangeNumber);
    }

    private static void writeAckSet(SegmentWriter out, GroupReport group, boolean v5010, String setControl) {
        FunctionalGroup gs = group.group();
        if (v5010) {
            out.segment("ST", "999", setControl, "005010X231A1");
            out.segment("AK1", Echo.cut(gs.functionalId(), 2), Echo.cut(gs.controlNumber(), 9), Echo.cut(gs.version(), 12));
        } else {
            out.segment("ST", "997", setControl);
            out.segment("AK1", Echo.cut(gs.functionalId(), 2), Echo.cut(gs.controlNumber(), 9));
        }
        // Every set in error, however many: a set not listed here is one the partner reads as accepted.
        for (MessageVerdict set : group.rejectedMessages()) {
            out.segment("AK2", Echo.cut(set.type(), 3), Echo.cut(set.controlNumber(), 9));
            String setCode = set.errors().isEmpty() ? AckCodes.x12SetRefusal(set.refusal()) : "5";
            for (SyntaxError error : set.errors()) {
                if ("SE".equals(error.segmentTag()) || "ST".equals(error.segmentTag())) {
                    setCode = error.error() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH ? "3" : "4";
                    continue;
                }
                out.segment(v5010 ? "IK3" : "AK3", Echo.cut(error.segmentTag(), 3), Integer.toString(error.segmentPosition()), "",
                        error.aboutSegment() ? AckCodes.x12Segment(error.error(), v5010) : "8");
                if (!error.aboutSegment()) {
                    out.segment(v5010 ? "IK4" : "AK4", Composite.of(Integer.toString(error.elementPosition()),
                                    error.componentPosition() > 0 ? Integer.toString(error.componentPosition()) : ""),
                            AckCodes.elementReference(error.elementReference()), AckCodes.x12Element(error.error(), v5010),
                            Echo.x12BadData(error.badData()));
                }
            }
            out.segment(v5010 ? "IK5" : "AK5", "R", setCode);
        }
        int received = group.received();
        int accepted = group.acceptedCount();
        String groupCode = accepted == received ? "A" : accepted == 0 ? "R" : "P";
        String groupError = "";
        for (SyntaxError error : group.trailerErrors()) {
            groupError = error.error() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH ? "4" : "5";
            groupCode = accepted == 0 ? "R" : "P";
        }
        out.segment("AK9", groupCode, Integer.toString(group.declared() >= 0 ? group.declared() : received),
                Integer.toString(received), Integer.toString(accepted), groupError);
        out.segment("SE", Integer.toString(out.messageSegmentsWithTrailer()), setControl);
    }
}
