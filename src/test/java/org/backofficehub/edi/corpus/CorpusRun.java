package org.backofficehub.edi.corpus;

import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.FieldProblem;

/**
 * What became of one corpus file: where the inbox would have put it, what the hub wrote back, what
 * it booked, and per message the acknowledgement's verdict and the hub's reasons.
 *
 * @param file        the file, relative to the corpus (folder/name)
 * @param outcome     done, error (quarantined with a reason: a refusal) or processing-failed (anything else thrown)
 * @param detail      the receipt (done) or the refusal's or failure's message
 * @param problems    the refusal's problems, as the hub reports them (field, reason)
 * @param documents   the documents the hub wrote to the outbox
 * @param messages    every message of the file
 * @param bookedRows  orders in the ERP after the file (ORDHDR)
 * @param duplicateBookings ERP orders booked more than once for the same source and order number
 * @param escaped     an exception that escaped the route (null when none): a bug of the hub or of this harness
 */
public record CorpusRun(String file, String outcome, String detail, List<FieldProblem> problems, List<String> documents,
                        List<MessageRun> messages, List<Acknowledgements.OrderResponse> orderResponses, int bookedRows,
                        List<String> duplicateBookings, String escaped) {

    /** One message: the acknowledgement's verdict, the hub's reasons, its booking, and whether it is valid per its standard. */
    public record MessageRun(CorpusMessage message, Acknowledgements.Verdict verdict, List<String> reasons, String booking,
                             String invalidInFact) {

        public boolean valid() {
            return invalidInFact == null;
        }
    }

    public long accepted() {
        return messages.stream().filter(m -> m.verdict().accepted()).count();
    }

    public long rejected() {
        return messages.stream().filter(m -> m.verdict().rejected()).count();
    }

    public long booked() {
        return messages.stream().filter(m -> m.booking().startsWith("booked")).count();
    }

    /** The first reason the hub gave for anything in the file. */
    public String firstReason() {
        for (MessageRun message : messages) {
            if (!message.reasons().isEmpty()) {
                return message.reasons().get(0);
            }
        }
        return problems.isEmpty() ? (outcome.equals("done") ? "" : detail) : problems.get(0).field() + ": " + problems.get(0).reason();
    }

    /** The reasons that concern one message of the file, picked from the problems the refusal lists. */
    public static List<String> reasonsFor(CorpusMessage message, List<FieldProblem> problems, String fileDetail) {
        List<String> reasons = new ArrayList<>();
        for (FieldProblem problem : problems) {
            String field = problem.field();
            if (field.startsWith("order ")) {
                continue; // a booking's refusal, reported as the message's booking
            }
            if (concerns(field, message)) {
                reasons.add(problem.reason());
            }
        }
        if (reasons.isEmpty() && problems.isEmpty() && fileDetail != null) {
            reasons.add(fileDetail);
        }
        return reasons;
    }

    private static boolean concerns(String field, CorpusMessage message) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("interchange (\\S*)(?: group (\\S+))? message (\\S+) (\\S*)").matcher(field);
        if (m.matches()) {
            return m.group(1).strip().equals(message.interchange()) && m.group(3).equals(message.type())
                    && m.group(4).equals(message.control());
        }
        m = java.util.regex.Pattern.compile("group (\\S+) of interchange (\\S*)").matcher(field);
        if (m.matches()) {
            return m.group(1).equals(message.group()) && m.group(2).strip().equals(message.interchange());
        }
        m = java.util.regex.Pattern.compile("interchange (\\S*)").matcher(field);
        if (m.matches()) {
            return m.group(1).strip().equals(message.interchange());
        }
        return true; // a problem of the whole file
    }
}
