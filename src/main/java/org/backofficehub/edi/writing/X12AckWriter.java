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

    /** Writes the TA1 for a refused interchange. */
    static void writeTa1(SegmentWriter out, InterchangeReport report, PartnerProfile partner, String interchangeNumber,
                         ZonedDateTime now) {
        Envelope in = report.envelope();
        String version = in.syntaxVersion() != null && in.syntaxVersion().startsWith("005") ? "005010" : "004010";
        OutboundEnvelope.openX12(out, partner, version, interchangeNumber, now);
        out.segment("TA1", in.controlNumber(), in.date(), in.time(), "R", ta1Code(report));
        OutboundEnvelope.closeX12(out, 0, interchangeNumber);
    }

    static String ta1Code(InterchangeReport report) {
        if (report.rejection() != null) {
            return switch (report.rejection()) {
                case DUPLICATE -> "025";
                case UNKNOWN_PARTNER -> "007";
                case TRUNCATED -> "023";
                case UNREADABLE -> "024";
            };
        }
        SyntaxError first = report.envelopeErrors().get(0);
        return switch (first.error()) {
            case CONTROL_REFERENCE_MISMATCH -> "001";
            case CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT -> "021";
            default -> "024";
        };
    }

    /** Writes the 997/999 interchange: one acknowledgement transaction set per inbound group. */
    static void writeFunctionalAcks(SegmentWriter out, InterchangeReport report, PartnerProfile partner, AckType type,
                                    String interchangeNumber, long groupNumber, long firstSetNumber, ZonedDateTime now) {
        boolean v5010 = type == AckType.X999;
        String version = v5010 ? "005010X231A1" : "004010";
        OutboundEnvelope.openX12(out, partner, v5010 ? "005010" : "004010", interchangeNumber, now);
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
            out.segment("AK1", gs.functionalId(), gs.controlNumber(), gs.version());
        } else {
            out.segment("ST", "997", setControl);
            out.segment("AK1", gs.functionalId(), gs.controlNumber());
        }
        for (MessageVerdict set : group.rejectedMessages()) {
            out.segment("AK2", set.type(), set.controlNumber());
            String setCode = set.notSupported() ? "1" : "5"; // 1: transaction set (type or version) not supported
            for (SyntaxError error : set.errors()) {
                if ("SE".equals(error.segmentTag()) || "ST".equals(error.segmentTag())) {
                    setCode = error.error() == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH ? "3" : "4";
                    continue;
                }
                out.segment(v5010 ? "IK3" : "AK3", error.segmentTag(), Integer.toString(error.segmentPosition()), "",
                        error.aboutSegment() ? AckCodes.x12Segment(error.error(), v5010) : "8");
                if (!error.aboutSegment()) {
                    out.segment(v5010 ? "IK4" : "AK4", Composite.of(Integer.toString(error.elementPosition()),
                                    error.componentPosition() > 0 ? Integer.toString(error.componentPosition()) : ""),
                            AckCodes.elementReference(error.elementReference()), AckCodes.x12Element(error.error(), v5010),
                            error.badData() == null ? "" : error.badData());
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
