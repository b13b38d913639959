package org.backofficehub.edi.writing;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.backofficehub.edi.Composite;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;

/** The envelope segments of everything the hub sends a partner: UNB/UNZ, ISA/GS/GE/IEA. */
final class OutboundEnvelope {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private OutboundEnvelope() {
    }

    static void openEdifact(SegmentWriter out, PartnerProfile partner, String controlNumber, ZonedDateTime now,
                            String applicationReference) {
        openEdifact(out, partner, controlNumber, now, applicationReference, false);
    }

    /** @param test an answer to a test interchange is one too: UNB test indicator (0035) 1 */
    static void openEdifact(SegmentWriter out, PartnerProfile partner, String controlNumber, ZonedDateTime now,
                            String applicationReference, boolean test) {
        Composite syntax = Composite.of("UNOC", "3");
        Composite sender = Composite.of(partner.ourId(), partner.ourQualifier());
        Composite recipient = Composite.of(partner.interchangeId(), partner.interchangeQualifier());
        Composite prepared = Composite.of(YYMMDD.format(now), HHMM.format(now));
        if (test) {
            out.segment("UNB", syntax, sender, recipient, prepared, controlNumber, "", applicationReference, "", "", "", "1");
        } else {
            out.segment("UNB", syntax, sender, recipient, prepared, controlNumber, "", applicationReference);
        }
    }

    /** Writes an EDIFACT message header in the partner's directory and returns the message reference for UNT. */
    static String openMessage(SegmentWriter out, PartnerProfile partner, String messageType, long number) {
        String reference = Long.toString(number);
        String version = partner.version() == null ? "D96A" : partner.version();
        out.segment("UNH", reference, Composite.of(messageType, version.substring(0, 1), version.substring(1), "UN"));
        return reference;
    }

    static void closeEdifact(SegmentWriter out, int messages, String controlNumber) {
        out.segment("UNZ", Integer.toString(messages), controlNumber);
    }

    static String x12InterchangeNumber(long number) {
        return String.format("%09d", number % 1_000_000_000L);
    }

    static void openX12(SegmentWriter out, PartnerProfile partner, String version, String controlNumber, ZonedDateTime now) {
        openX12(out, partner, version, controlNumber, now, false);
    }

    /** @param test an answer to a test interchange is one too: ISA15 T */
    static void openX12(SegmentWriter out, PartnerProfile partner, String version, String controlNumber, ZonedDateTime now,
                        boolean test) {
        boolean v5010 = version.startsWith("005");
        out.segment("ISA", "00", pad("", 10), "00", pad("", 10), pad(partner.ourQualifier(), 2), pad(partner.ourId(), 15),
                pad(partner.interchangeQualifier(), 2), pad(partner.interchangeId(), 15), YYMMDD.format(now), HHMM.format(now),
                v5010 ? "^" : "U", v5010 ? "00501" : "00401", controlNumber, "0", test ? "T" : "P", ">");
    }

    static void openGroup(SegmentWriter out, PartnerProfile partner, String functionalId, String version, long controlNumber,
                          ZonedDateTime now) {
        out.segment("GS", functionalId, partner.ourGroupId(), partner.groupId(), CCYYMMDD.format(now), HHMM.format(now),
                Long.toString(controlNumber), "X", version);
    }

    static void closeGroup(SegmentWriter out, int transactionSets, long controlNumber) {
        out.segment("GE", Integer.toString(transactionSets), Long.toString(controlNumber));
    }

    static void closeX12(SegmentWriter out, int groups, String controlNumber) {
        out.segment("IEA", Integer.toString(groups), controlNumber);
    }

    /** The syntax version of the envelope the hub writes: UNOC:3, or the ISA12 matching the partner's X12 version. */
    static String syntaxVersion(EdiStandard standard, String x12Version) {
        if (standard == EdiStandard.EDIFACT) {
            return "3";
        }
        return x12Version != null && x12Version.startsWith("005") ? "00501" : "00401";
    }

    static String x12Version(PartnerProfile partner) {
        String version = partner.version() == null ? "004010" : partner.version();
        return version.startsWith("005") ? "005010" : "004010";
    }

    private static String pad(String value, int width) {
        String v = value == null ? "" : value;
        return v.length() >= width ? v.substring(0, width) : v + " ".repeat(width - v.length());
    }
}
