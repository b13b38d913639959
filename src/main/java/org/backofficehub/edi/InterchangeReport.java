package org.backofficehub.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything an acknowledgement of one inbound interchange says. Closed once the interchange is
 * answered: its groups' rejected messages kept on disk are removed.
 */
public final class InterchangeReport implements AutoCloseable {

    private final Envelope envelope;
    private final List<GroupReport> groups = new ArrayList<>();
    private final List<SyntaxError> envelopeErrors = new ArrayList<>();
    private InterchangeRejection rejection;
    private String rejectionDetail;

    public InterchangeReport(Envelope envelope) {
        this.envelope = envelope;
    }

    public Envelope envelope() {
        return envelope;
    }

    public GroupReport startGroup(FunctionalGroup group) {
        GroupReport report = new GroupReport(group);
        groups.add(report);
        return report;
    }

    /** The group messages outside any functional group belong to (EDIFACT without UNG). */
    public GroupReport implicitGroup() {
        if (groups.isEmpty() || groups.get(groups.size() - 1).group() != null) {
            groups.add(new GroupReport(null));
        }
        return groups.get(groups.size() - 1);
    }

    public void envelopeErrors(List<SyntaxError> errors) {
        envelopeErrors.addAll(errors);
    }

    public void reject(InterchangeRejection reason, String detail) {
        if (rejection == null) {
            rejection = reason;
            rejectionDetail = detail;
        }
    }

    public List<GroupReport> groups() {
        return groups;
    }

    public List<SyntaxError> envelopeErrors() {
        return envelopeErrors;
    }

    public InterchangeRejection rejection() {
        return rejection;
    }

    public String rejectionDetail() {
        return rejectionDetail;
    }

    public boolean rejected() {
        return rejection != null || !envelopeErrors.isEmpty();
    }

    public int messagesReceived() {
        return groups.stream().mapToInt(GroupReport::received).sum();
    }

    public int messagesAccepted() {
        return groups.stream().mapToInt(GroupReport::acceptedCount).sum();
    }

    public boolean anythingRejected() {
        return rejected() || groups.stream().anyMatch(g -> g.rejectedCount() > 0 || !g.trailerErrors().isEmpty()
                || g.acceptedCount() < g.received());
    }

    @Override
    public void close() {
        groups.forEach(GroupReport::close);
    }
}
