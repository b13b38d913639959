package org.backofficehub.edi.partners;

import java.nio.charset.Charset;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiCharsets;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.Envelope;

/**
 * How the hub exchanges EDI with one trading partner: identifiers on both sides of the envelope,
 * standard and version, the documents exchanged, the acknowledgement it wants, where its outbound
 * files go, and which engine translates for it. {@code configured} is false for the stand-in
 * profile given to an unknown sender when unknown partners are accepted. {@code remote}, if not
 * null, is the partner's FTP/SFTP server, polled for its files and given ours. {@code orders} is
 * what the profile says about the business of its orders (where the buyer is found, test interchanges).
 * {@code ackExpectedWithin} ({@code ack.expected-within}, an ISO-8601 duration such as PT24H), if
 * not null, is how soon the partner's CONTRL/997/999 for a document the hub sent is due: one not
 * back by then is overdue (tracking lists and counts them).
 */
public record PartnerProfile(String partnerId, String name, EdiStandard standard, String version, String interchangeId,
                             String interchangeQualifier, String ourId, String ourQualifier, String groupId, String ourGroupId,
                             Set<String> documentsIn, Set<String> documentsOut, AckType ack, String outbox, String engine,
                             boolean configured, PartnerRemote remote, Charset encoding, OrderPolicy orders,
                             Duration ackExpectedWithin) {

    public static final String STAEDI = "staedi";
    public static final String SMOOKS = "smooks";

    public PartnerProfile {
        documentsIn = Set.copyOf(documentsIn);
        documentsOut = Set.copyOf(documentsOut);
    }

    /** A profile that names no window for the partner's acknowledgements: none is ever overdue. */
    public PartnerProfile(String partnerId, String name, EdiStandard standard, String version, String interchangeId,
                          String interchangeQualifier, String ourId, String ourQualifier, String groupId, String ourGroupId,
                          Set<String> documentsIn, Set<String> documentsOut, AckType ack, String outbox, String engine,
                          boolean configured, PartnerRemote remote, Charset encoding, OrderPolicy orders) {
        this(partnerId, name, standard, version, interchangeId, interchangeQualifier, ourId, ourQualifier, groupId, ourGroupId,
                documentsIn, documentsOut, ack, outbox, engine, configured, remote, encoding, orders, null);
    }

    /**
     * How this partner's files are decoded: as its profile's {@code encoding} says, else as the
     * interchange itself says ({@link EdiCharsets}).
     */
    public Charset decoding(Envelope envelope) {
        return encoding != null ? encoding : EdiCharsets.of(envelope);
    }

    /** What the hub writes to this partner: EDIFACT says UNOC, so ISO 8859-1; X12 as the profile says, else UTF-8. */
    public Charset writing() {
        if (standard == EdiStandard.EDIFACT) {
            return EdiCharsets.EDIFACT_OUTBOUND;
        }
        return encoding != null ? encoding : StandardCharsets.UTF_8;
    }

    /**
     * Whether the interchange is this partner's: its sender id, and its qualifier unless the profile
     * names none. A qualifier that is no valid code (ISA05 {@code XX}) names no one else: the
     * interchange is the partner's, refused for its envelope and answered under this profile's values.
     */
    boolean sends(Envelope envelope) {
        if (standard != envelope.standard() || !interchangeId.equals(envelope.senderId())) {
            return false;
        }
        String qualifier = envelope.senderQualifier();
        return interchangeQualifier.isEmpty() || interchangeQualifier.equals(qualifier)
                || !qualifier.isEmpty() && !EnvelopeSyntax.validQualifier(standard, qualifier);
    }
}
