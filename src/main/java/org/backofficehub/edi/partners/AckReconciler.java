package org.backofficehub.edi.partners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.backofficehub.edi.EdiMessage;
import org.backofficehub.edi.Segment;

/**
 * Reads the acknowledgements partners send back (CONTRL, 997, 999) and records them against the
 * interchange or group the hub sent, so each outbound document shows whether it was accepted. One
 * that refers to nothing the hub sent is unmatched: logged, and its interchange recorded as such.
 */
public final class AckReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(AckReconciler.class);

    private final InterchangeRegistry registry;

    /** Whether an acknowledgement matched what the hub sent; if not, what it acknowledges. */
    public record Reconciliation(boolean matched, String unmatched) {

        static Reconciliation match() {
            return new Reconciliation(true, null);
        }

        static Reconciliation noMatch(String what) {
            return new Reconciliation(false, what);
        }
    }

    public AckReconciler(InterchangeRegistry registry) {
        this.registry = registry;
    }

    public static boolean isAcknowledgement(String messageType) {
        return "CONTRL".equals(messageType) || "997".equals(messageType) || "999".equals(messageType);
    }

    public Reconciliation reconcile(String partnerId, EdiMessage ack) {
        return reconcile(partnerId, ack, null);
    }

    /** @param ackInterchange the control number of the partner's interchange the acknowledgement came in, recorded with it */
    public Reconciliation reconcile(String partnerId, EdiMessage ack, String ackInterchange) {
        if ("CONTRL".equals(ack.type())) {
            return reconcileContrl(partnerId, ack, ackInterchange);
        }
        return reconcileFunctional(partnerId, ack, ackInterchange);
    }

    private Reconciliation reconcileContrl(String partnerId, EdiMessage contrl, String ackInterchange) {
        String interchange = null;
        String status = null;
        int rejectedMessages = 0;
        for (Segment segment : contrl.segments()) {
            if ("UCI".equals(segment.tag())) {
                interchange = segment.element(1);
                status = "4".equals(segment.element(4)) ? "rejected" : "accepted";
            } else if ("UCM".equals(segment.tag()) && "4".equals(segment.element(3))) {
                rejectedMessages++;
            }
        }
        if (interchange == null) {
            LOG.warn("CONTRL {} from {} has no UCI; nothing to reconcile", contrl.controlNumber(), partnerId);
            return Reconciliation.noMatch("CONTRL " + contrl.controlNumber() + " names no interchange (no UCI)");
        }
        if ("accepted".equals(status) && rejectedMessages > 0) {
            status = "partially-accepted";
        }
        String detail = "CONTRL " + contrl.controlNumber() + (rejectedMessages > 0 ? ": " + rejectedMessages + " message(s) rejected" : "");
        if (!registry.acknowledgedInterchange(partnerId, interchange, status, detail, ackInterchange)) {
            LOG.warn("{} acknowledged interchange {} ({}), which the hub has no record of sending", partnerId, interchange, status);
            return Reconciliation.noMatch("CONTRL " + contrl.controlNumber() + " acknowledges interchange " + interchange + " (" + status
                    + "), which the hub never sent");
        }
        return Reconciliation.match();
    }

    private Reconciliation reconcileFunctional(String partnerId, EdiMessage ack, String ackInterchange) {
        String group = null;
        String status = null;
        String counts = "";
        for (Segment segment : ack.segments()) {
            if ("AK1".equals(segment.tag())) {
                group = segment.element(2);
            } else if ("AK9".equals(segment.tag())) {
                status = switch (segment.element(1)) {
                    case "A", "E" -> "accepted";
                    case "P" -> "partially-accepted";
                    default -> "rejected";
                };
                counts = segment.element(4) + " of " + segment.element(2) + " accepted";
            }
        }
        if (group == null || status == null) {
            LOG.warn("{} {} from {} lacks AK1 or AK9; nothing to reconcile", ack.type(), ack.controlNumber(), partnerId);
            return Reconciliation.noMatch(ack.type() + " " + ack.controlNumber() + " names no group (no AK1 or AK9)");
        }
        if (!registry.acknowledgedGroup(partnerId, group, status, ack.type() + " " + ack.controlNumber() + ": " + counts, ackInterchange)) {
            LOG.warn("{} acknowledged group {} ({}), which the hub has no record of sending", partnerId, group, status);
            return Reconciliation.noMatch(ack.type() + " " + ack.controlNumber() + " acknowledges group " + group + " (" + status
                    + "), which the hub never sent");
        }
        return Reconciliation.match();
    }
}
