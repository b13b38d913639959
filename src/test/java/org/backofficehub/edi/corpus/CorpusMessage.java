package org.backofficehub.edi.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A message (X12 transaction set, EDIFACT message) of a corpus file as its envelopes name it, read
 * by {@link EdiText} rather than by the hub: what the report and the acknowledgement's verdicts are
 * keyed on.
 *
 * @param ordinal            1-based position of the message in the file
 * @param standard           X12 or EDIFACT
 * @param interchange        ISA13 / UNB 0020, or "" when the message has no interchange header (EDIFACT without UNB)
 * @param sender             ISA06 / UNB S002 0004, trimmed
 * @param syntax             ISA12 / UNB S001 (e.g. UNOC:3)
 * @param group              GS06 / UNG 0048, or "" outside a group
 * @param functionalId       GS01 / UNG 0038, or ""
 * @param version            GS08 for X12; for EDIFACT UNH S009 directory and release, with its association code
 * @param type               ST01 / UNH S009 0065
 * @param control            ST02 / UNH 0062
 * @param documentNumber     BEG03 (X12 850) / BGM 1004 (EDIFACT): the order number, or ""
 */
public record CorpusMessage(int ordinal, String standard, String interchange, String sender, String syntax, String group,
                            String functionalId, String version, String type, String control, String documentNumber) {

    public boolean isOrder() {
        return type.equals("850") || type.equals("ORDERS");
    }

    /** How the report and the list of invalid messages name it: type and control number. */
    public String label() {
        return type + " " + control;
    }

    /** Every message of a file, in order. ISO 8859-1 maps bytes 1:1, which is all the envelope needs. */
    public static List<CorpusMessage> scan(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EdiText.isX12(text) ? x12(EdiText.x12Segments(text)) : edifact(EdiText.edifactSegments(text));
    }

    private static List<CorpusMessage> x12(List<EdiText.Segment> segments) {
        List<CorpusMessage> messages = new ArrayList<>();
        String interchange = "";
        String sender = "";
        String syntax = "";
        String group = "";
        String functionalId = "";
        String version = "";
        String type = null;
        String control = null;
        String document = "";
        for (EdiText.Segment segment : segments) {
            switch (segment.tag()) {
                case "ISA" -> {
                    interchange = segment.element(13).strip();
                    sender = segment.element(6).strip();
                    syntax = segment.element(12).strip();
                }
                case "GS" -> {
                    functionalId = segment.element(1);
                    group = segment.element(6);
                    version = segment.element(8);
                }
                case "GE" -> {
                    group = "";
                    functionalId = "";
                }
                case "ST" -> {
                    type = segment.element(1);
                    control = segment.element(2);
                    document = "";
                }
                case "BEG" -> document = segment.element(3);
                case "SE" -> {
                    if (type != null) {
                        messages.add(new CorpusMessage(messages.size() + 1, "X12", interchange, sender, syntax, group, functionalId,
                                version, type, control, document));
                    }
                    type = null;
                }
                default -> {
                    // the envelope and the order number are all the scan needs
                }
            }
        }
        if (type != null) { // a set without its SE: still a message the file holds
            messages.add(new CorpusMessage(messages.size() + 1, "X12", interchange, sender, syntax, group, functionalId, version,
                    type, control, document));
        }
        return messages;
    }

    private static List<CorpusMessage> edifact(List<EdiText.Segment> segments) {
        List<CorpusMessage> messages = new ArrayList<>();
        String interchange = "";
        String sender = "";
        String syntax = "";
        String group = "";
        String functionalId = "";
        CorpusMessage open = null;
        for (EdiText.Segment segment : segments) {
            switch (segment.tag()) {
                case "UNB" -> {
                    interchange = segment.element(5);
                    sender = segment.component(2, 1).strip();
                    syntax = segment.element(1).replace(segment.componentSeparator(), ':');
                }
                case "UNZ" -> {
                    interchange = "";
                    sender = "";
                }
                case "UNG" -> {
                    functionalId = segment.element(1);
                    group = segment.element(5);
                }
                case "UNE" -> {
                    group = "";
                    functionalId = "";
                }
                case "UNH" -> {
                    if (open != null) {
                        messages.add(open);
                    }
                    String association = segment.component(2, 5);
                    String version = segment.component(2, 2) + ":" + segment.component(2, 3)
                            + (association.isEmpty() ? "" : ":" + association);
                    open = new CorpusMessage(messages.size() + 1, "EDIFACT", interchange, sender, syntax, group, functionalId, version,
                            segment.component(2, 1), segment.element(1), "");
                }
                case "BGM" -> {
                    if (open != null) {
                        open = open.withDocumentNumber(segment.component(2, 1));
                    }
                }
                case "UNT" -> {
                    if (open != null) {
                        messages.add(open);
                    }
                    open = null;
                }
                default -> {
                    // the envelope and the order number are all the scan needs
                }
            }
        }
        if (open != null) { // a message without its UNT
            messages.add(open);
        }
        return messages;
    }

    private CorpusMessage withDocumentNumber(String number) {
        return new CorpusMessage(ordinal, standard, interchange, sender, syntax, group, functionalId, version, type, control, number);
    }
}
