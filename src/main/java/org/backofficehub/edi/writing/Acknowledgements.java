package org.backofficehub.edi.writing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import org.backofficehub.edi.AckType;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.InterchangeReport;
import org.backofficehub.edi.partners.ControlNumbers;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.partners.PartnerProfile;

/**
 * Sends the acknowledgement of one inbound interchange to the partner's outbox: CONTRL for
 * EDIFACT; for X12 a TA1 when the envelope is refused, else the 997 or 999 the profile asks for.
 * Recorded as sent; acknowledgements themselves are never acknowledged. Its envelope is the hub's,
 * from the partner's profile; what it repeats of the inbound interchange is written as the
 * standard allows ({@link Echo}). Control numbers are taken for it only if it is sent.
 */
public final class Acknowledgements {

    private final Outbox outbox;
    private final ControlNumbers numbers;
    private final InterchangeRegistry registry;
    private final Clock clock;

    public Acknowledgements(Outbox outbox, ControlNumbers numbers, InterchangeRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.numbers = numbers;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Writes and records the acknowledgement. Throws {@link EdiWriteException} if the writer
     * refuses it (a defect of the hub, never the partner's: not worth retrying) and
     * {@link java.io.UncheckedIOException} if the outbox cannot take it; either way no file appears
     * and its control numbers are handed back.
     */
    public Path send(PartnerProfile partner, InterchangeReport report) {
        DocumentNumbers taken = new DocumentNumbers(numbers, partner.partnerId());
        try {
            return write(partner, report, taken);
        } catch (RuntimeException e) {
            taken.handBack(); // nothing once the file is published: its numbers are used
            throw e;
        }
    }

    private Path write(PartnerProfile partner, InterchangeReport report, DocumentNumbers taken) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        long icn = taken.next(ControlNumbers.Kind.INTERCHANGE);
        if (partner.standard() == EdiStandard.EDIFACT) {
            String interchange = Long.toString(icn);
            long message = taken.next(ControlNumbers.Kind.MESSAGE);
            Path file = outbox.write(partner, "CONTRL", interchange, EdiStandard.EDIFACT, "3",
                    out -> ContrlWriter.write(out, report, partner, interchange, message, now));
            taken.sent();
            registry.sent(partner.partnerId(), EdiStandard.EDIFACT, interchange, null, "CONTRL", 1, false, file.getFileName().toString());
            return published(partner, "CONTRL", interchange, file, report);
        }
        String interchange = OutboundEnvelope.x12InterchangeNumber(icn);
        if (report.rejected()) {
            String version = report.envelope().syntaxVersion() != null && report.envelope().syntaxVersion().startsWith("005")
                    ? "005010" : "004010";
            Path file = outbox.write(partner, "TA1", interchange, EdiStandard.X12, OutboundEnvelope.syntaxVersion(EdiStandard.X12, version),
                    out -> X12AckWriter.writeTa1(out, report, partner, interchange, now));
            taken.sent();
            registry.sent(partner.partnerId(), EdiStandard.X12, interchange, null, "TA1", 0, false, file.getFileName().toString());
            return published(partner, "TA1", interchange, file, report);
        }
        AckType type = partner.ack() == AckType.CONTRL ? AckType.defaultFor(EdiStandard.X12, partner.version()) : partner.ack();
        long groupNumber = taken.next(ControlNumbers.Kind.GROUP);
        int sets = (int) report.groups().stream().filter(g -> g.group() != null).count();
        long firstSet = taken.reserve(ControlNumbers.Kind.MESSAGE, Math.max(sets, 1));
        String name = type == AckType.X999 ? "999" : "997";
        Path file = outbox.write(partner, name, interchange, EdiStandard.X12,
                OutboundEnvelope.syntaxVersion(EdiStandard.X12, type == AckType.X999 ? "005010" : "004010"),
                out -> X12AckWriter.writeFunctionalAcks(out, report, partner, type, interchange, groupNumber, firstSet, now));
        taken.sent();
        registry.sent(partner.partnerId(), EdiStandard.X12, interchange, Long.toString(groupNumber), name, sets, false,
                file.getFileName().toString());
        return published(partner, name, interchange, file, report);
    }

    private Path published(PartnerProfile partner, String documentType, String interchange, Path file, InterchangeReport report) {
        outbox.published(new SentDocument(partner.partnerId(), partner.standard(), documentType, interchange, file, List.of(),
                report.envelope().controlNumber(), null));
        return file;
    }
}
