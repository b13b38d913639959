package org.backofficehub.edi.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the hub wrote back for one corpus file, read from its outbox as the partner would read it:
 * the functional acknowledgements (997, 999, TA1, CONTRL) and their verdict on each inbound
 * message, and the order responses (855, ORDRSP).
 *
 * <p>Verdicts follow the standards, not the hub's current habits: a 997/999 lists every set or only
 * the refused ones (AK2 with AK5/IK5), the rest taking the group's AK9; a CONTRL lists every
 * message or only the refused ones (UCM), the rest taking UCF/UCI; a TA1 or CONTRL UCI with action
 * 4 refuses the whole interchange.
 */
public final class Acknowledgements {

    /** The verdict on one inbound message: accepted, rejected, or none (no acknowledgement names it). */
    public record Verdict(String outcome, String codes) {
        public static final Verdict NONE = new Verdict("none", "");

        public boolean accepted() {
            return outcome.equals("accepted");
        }

        public boolean rejected() {
            return outcome.equals("rejected");
        }
    }

    /**
     * One order response: its type, the order number it answers, its status code (BAK02 / BGM 1225)
     * and its lines as the partner reads them.
     */
    public record OrderResponse(String type, String orderNumber, String status, List<ResponseLine> lines) {

        /** Whether it says the order is accepted: 855 BAK02 AD, AC or AK; ORDRSP BGM 1225 29. */
        public boolean accepted() {
            return type.equals("ORDRSP") ? status.equals("29") : List.of("AD", "AC", "AK").contains(status);
        }

        /** As the corpus report lists it: which order, and its status. */
        @Override
        public String toString() {
            return type + " " + orderNumber + " " + status;
        }
    }

    /**
     * A line of an order response: its line number (855 PO101, ORDRSP LIN 1082), the item identifiers
     * it echoes as "qualifier value" (PO106/PO107 and on; LIN C212 and every PIA's), and its quantity.
     */
    public record ResponseLine(String lineNumber, List<String> itemIds, String quantity) {
    }

    private record SetVerdict(boolean accepted, String codes) {
    }

    private static final class AckGroup {
        final String functionalId;
        final String control;
        final Map<String, SetVerdict> sets = new LinkedHashMap<>();
        String ak9 = "";
        String ak9Text = "";

        AckGroup(String functionalId, String control) {
            this.functionalId = functionalId;
            this.control = control;
        }
    }

    private static final class Contrl {
        final String interchange;
        final String action;
        final String text;
        final Map<String, SetVerdict> messages = new LinkedHashMap<>();
        final Map<String, String> groups = new HashMap<>();

        Contrl(String interchange, String action, String text) {
            this.interchange = interchange;
            this.action = action;
            this.text = text;
        }
    }

    private final List<String> documents = new ArrayList<>();
    private final List<AckGroup> ackGroups = new ArrayList<>();
    private final Map<String, String> ta1 = new HashMap<>();
    private final List<Contrl> contrls = new ArrayList<>();
    private final List<OrderResponse> responses = new ArrayList<>();
    private final Map<String, AckGroup> assignedGroups = new HashMap<>();
    private final Map<String, Contrl> assignedContrls = new HashMap<>();
    private final Set<Object> assigned = new HashSet<>();

    /** Every document in the outbox folder tree, in the order written (names carry increasing control numbers). */
    public static Acknowledgements read(Path outbox) {
        Acknowledgements read = new Acknowledgements();
        if (!Files.isDirectory(outbox)) {
            return read;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(outbox)) {
            files = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString().length()).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try {
                read.add(file.getFileName().toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }

    private void add(String name, String text) {
        documents.add(name);
        if (EdiText.isX12(text)) {
            readX12(EdiText.x12Segments(text));
        } else {
            readEdifact(EdiText.edifactSegments(text));
        }
    }

    private void readX12(List<EdiText.Segment> segments) {
        AckGroup group = null;
        String set = null;
        List<String> codes = new ArrayList<>();
        String setType = "";
        List<ResponseLine> lines = null;
        for (EdiText.Segment segment : segments) {
            switch (segment.tag()) {
                case "ST" -> setType = segment.element(1);
                case "TA1" -> ta1.put(segment.element(1), segment.element(4) + "/" + segment.element(5));
                case "AK1" -> {
                    group = new AckGroup(segment.element(1), segment.element(2));
                    ackGroups.add(group);
                }
                case "AK2" -> {
                    set = segment.element(2);
                    codes = new ArrayList<>();
                }
                case "AK3", "IK3", "AK4", "IK4" -> codes.add(segment.display());
                case "AK5", "IK5" -> {
                    if (group != null && set != null) {
                        String status = segment.element(1);
                        codes.add(0, segment.display());
                        group.sets.put(set, new SetVerdict(status.equals("A") || status.equals("E"), String.join(" ", codes)));
                    }
                    set = null;
                }
                case "AK9" -> {
                    if (group != null) {
                        group.ak9 = segment.element(1);
                        group.ak9Text = segment.display();
                    }
                }
                case "BAK" -> {
                    lines = new ArrayList<>();
                    responses.add(new OrderResponse(setType, segment.element(3), segment.element(2), lines));
                }
                case "PO1" -> {
                    if (lines != null) {
                        List<String> ids = new ArrayList<>();
                        for (int qualifier = 6; qualifier + 1 < segment.elements().size(); qualifier += 2) {
                            ids.add(segment.element(qualifier) + " " + segment.element(qualifier + 1));
                        }
                        lines.add(new ResponseLine(segment.element(1), ids, segment.element(2)));
                    }
                }
                case "SE" -> lines = null;
                default -> {
                    // envelopes and details the verdicts do not depend on
                }
            }
        }
    }

    private void readEdifact(List<EdiText.Segment> segments) {
        Contrl contrl = null;
        String message = null;
        String messageAction = "";
        List<String> codes = new ArrayList<>();
        String type = "";
        String group = null;
        OrderResponse pending = null;
        List<ResponseLine> lines = new ArrayList<>();
        List<String> lineIds = null;
        for (EdiText.Segment segment : segments) {
            switch (segment.tag()) {
                case "UNH" -> {
                    type = segment.component(2, 1);
                    pending = null;
                    lines = new ArrayList<>();
                    lineIds = null;
                }
                case "UCI" -> {
                    contrl = new Contrl(segment.element(1), segment.element(4), segment.display());
                    contrls.add(contrl);
                }
                case "UCF" -> {
                    closeUcm(contrl, message, messageAction, codes);
                    message = null;
                    group = segment.element(1);
                    if (contrl != null) {
                        contrl.groups.put(group, segment.element(4));
                    }
                }
                case "UCM" -> {
                    closeUcm(contrl, message, messageAction, codes);
                    message = (group == null ? "" : group + "/") + segment.element(1) + "|" + segment.component(2, 1);
                    messageAction = segment.element(3);
                    codes = new ArrayList<>(List.of(segment.display()));
                }
                case "UCS", "UCD" -> codes.add(segment.display());
                case "BGM" -> {
                    if (type.equals("ORDRSP")) {
                        pending = new OrderResponse("ORDRSP", "", segment.element(3), lines);
                    }
                }
                case "RFF" -> {
                    if (pending != null && segment.component(1, 1).equals("ON")) {
                        pending = new OrderResponse("ORDRSP", segment.component(1, 2), pending.status(), lines);
                    }
                }
                case "LIN" -> {
                    if (pending != null) {
                        lineIds = new ArrayList<>(List.of(segment.component(3, 2) + " " + segment.component(3, 1)));
                        lines.add(new ResponseLine(segment.element(1), lineIds, ""));
                    }
                }
                case "PIA" -> {
                    if (lineIds != null) {
                        for (int composite = 2; composite < segment.elements().size(); composite++) {
                            lineIds.add(segment.component(composite, 2) + " " + segment.component(composite, 1));
                        }
                    }
                }
                case "QTY" -> {
                    if (lineIds != null && !lines.isEmpty()) {
                        ResponseLine last = lines.remove(lines.size() - 1);
                        lines.add(new ResponseLine(last.lineNumber(), last.itemIds(), segment.component(1, 2)));
                    }
                }
                case "UNT" -> {
                    closeUcm(contrl, message, messageAction, codes);
                    message = null;
                    if (pending != null) {
                        responses.add(pending);
                    }
                    pending = null;
                }
                default -> {
                    // envelopes and details the verdicts do not depend on
                }
            }
        }
    }

    private static void closeUcm(Contrl contrl, String message, String action, List<String> codes) {
        if (contrl != null && message != null) {
            contrl.messages.put(message, new SetVerdict(action.equals("7"), String.join(" ", codes)));
        }
    }

    /** The acknowledgement's verdict on a message of the file (each inbound interchange matched to its own acknowledgement). */
    public Verdict verdict(CorpusMessage message) {
        if (message.interchange().isEmpty()) {
            return Verdict.NONE;
        }
        return message.standard().equals("X12") ? x12Verdict(message) : edifactVerdict(message);
    }

    private Verdict x12Verdict(CorpusMessage message) {
        String ta1Code = ta1.get(message.interchange());
        if (ta1Code != null && ta1Code.startsWith("R")) {
            return new Verdict("rejected", "TA1 " + ta1Code);
        }
        String key = message.interchange() + "|" + message.group();
        AckGroup group = assignedGroups.computeIfAbsent(key, k -> ackGroups.stream()
                .filter(g -> !assigned.contains(g) && g.control.equals(message.group()) && g.functionalId.equals(message.functionalId()))
                .findFirst().map(g -> {
                    assigned.add(g);
                    return g;
                }).orElse(null));
        if (group == null) {
            return Verdict.NONE;
        }
        SetVerdict set = group.sets.get(message.control());
        if (set != null) {
            return new Verdict(set.accepted() ? "accepted" : "rejected", set.codes());
        }
        boolean accepted = group.ak9.equals("A") || group.ak9.equals("E") || group.ak9.equals("P");
        return new Verdict(accepted ? "accepted" : "rejected", group.ak9Text);
    }

    private Verdict edifactVerdict(CorpusMessage message) {
        Contrl contrl = assignedContrls.computeIfAbsent(message.interchange(), k -> contrls.stream()
                .filter(c -> !assigned.contains(c) && c.interchange.equals(message.interchange())).findFirst().map(c -> {
                    assigned.add(c);
                    return c;
                }).orElse(null));
        if (contrl == null) {
            return Verdict.NONE;
        }
        if (contrl.action.equals("4")) {
            return new Verdict("rejected", contrl.text);
        }
        // A UCM names the message by reference and type, under its group's UCF when the interchange has groups.
        String reference = message.control() + "|" + message.type();
        SetVerdict listed = contrl.messages.get((message.group().isEmpty() ? "" : message.group() + "/") + reference);
        if (listed == null && !message.group().isEmpty()) {
            listed = contrl.messages.get(reference);
        }
        if (listed != null) {
            return new Verdict(listed.accepted() ? "accepted" : "rejected", listed.codes());
        }
        String groupAction = contrl.groups.get(message.group());
        if (groupAction != null && groupAction.equals("4")) {
            return new Verdict("rejected", "UCF " + message.group() + " 4");
        }
        // UCI action 7 acknowledges every message it does not list; 8 says only that the interchange arrived.
        return contrl.action.equals("7") ? new Verdict("accepted", contrl.text)
                : contrl.action.equals("8") ? new Verdict("none", contrl.text) : new Verdict("rejected", contrl.text);
    }

    public List<String> documents() {
        return documents;
    }

    public List<OrderResponse> orderResponses() {
        return responses;
    }

    /** Whether any functional or interchange acknowledgement (997, 999, TA1, CONTRL) was written. */
    public boolean anyAcknowledgement() {
        return !ackGroups.isEmpty() || !ta1.isEmpty() || !contrls.isEmpty();
    }
}
