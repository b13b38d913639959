package org.backofficehub.edi.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The corpus run as a report: a row per file, the rejections grouped by cause, the messages judged
 * invalid per their standard, and a row per message (target/edi-corpus-report.md).
 */
public final class CorpusReport {

    /** A cause of rejection, recognised in the hub's reason texts. The first rule that matches names the class. */
    private record Rule(Pattern pattern, String name) {
    }

    /** Whole reasons about the file or interchange: the file could not be read, or was not answered at all. */
    private static final List<Rule> FILE_RULES = List.of(
            rule("(?s)EDIValidationException.*segment UN[BG]|EDIValidationException.*segment (ISA|GS|TA1)",
                    "processing-failed: the acknowledgement's envelope echoes the sender's id qualifier, StAEDI refuses to write it"),
            rule("(?s)input: '\uFEFF'", "not read: UTF-8 byte order mark before ISA (no acknowledgement)"),
            rule("(?s)X12 header", "not read: ISA header not as the hub expects it (no TA1)"),
            rule("(?s)HEADER_EDIFACT_UNB", "not read: no UNB interchange header"),
            rule("(?s)without its interchange header", "not recognised as EDI: starts with UNH (no UNA/UNB)"),
            rule("(?s)Unexpected end of stream", "truncated: interchange ends without UNT/UNZ"),
            rule("(?s)Invalid processing state", "not read: segment or delimiter the reader cannot place"));

    /** Reasons a message was refused, one by one (the hub joins a message's syntax errors with "; "). */
    private static final List<Rule> RULES = List.of(
            rule("names no buyer", "buyer required (N1*BY / NAD+BY)"),
            rule("has no vendor part number", "PO1 must carry VP (no UP/EN/IN/BP/VN/SK...)"),
            rule("identifies its item only by GTIN|PIA \\.\\.\\.:SA", "LIN must carry a supplier article number (:SA); GTIN alone refused"),
            rule("has no ordered quantity", "QTY+21 required (other quantity qualifiers refused)"),
            rule("(?i)\\bPRI\\b.*(missing|required)|PO104|has no (unit )?price", "price required (PRI / PO104)"),
            rule("is not one the hub receives|is not agreed with", "message type the hub does not receive (not an order)"),
            rule("^UNH \\(segment 1\\), element 2\\.[23]: invalid code value", "EDIFACT directory not supported (UNH S009, e.g. D03B)"),
            rule("^BEG \\(segment \\d+\\), element 5: (data element too short|invalid date)",
                    "X12 version read with another version's guide (BEG05 6-digit date of 003010)"),
            rule("segment not in defined transaction set", "segment of the standard missing from the hub's guide|%s"),
            rule("unexpected segment|segment not in proper sequence|segment exceeds maximum use",
                    "segment where the hub's guide does not expect it (order, loop, repeats)|%s"),
            rule("too many data elements|too many components|too many repetitions",
                    "more elements, components or repeats than the hub's guide allows|%s"),
            rule("mandatory segment missing", "mandatory segment missing|%s"),
            rule("required data element missing", "mandatory element missing|%s"),
            rule("control count does not match|control reference mismatch", "envelope count or reference mismatch|%s"),
            rule("data element too (long|short)|invalid code value|invalid character data|invalid date|invalid time",
                    "element value refused (length, code, characters, date)|%s"),
            rule("was received before", "duplicate interchange"),
            rule("no partner profile", "unknown partner"));

    private static final Pattern SYNTAX = Pattern.compile("^(\\w{2,3})(?: \\(segment \\d+\\))?(?:, element \\d+(?:\\.\\d+)?)?: ([a-z ]+?)(?: \\('.*'\\))?$");

    private final List<CorpusRun> runs;
    private final Map<String, String> invalidInFact;

    public CorpusReport(List<CorpusRun> runs, Map<String, String> invalidInFact) {
        this.runs = runs;
        this.invalidInFact = invalidInFact;
    }

    private static Rule rule(String regex, String name) {
        return new Rule(Pattern.compile(regex), name);
    }

    /** The cause classes of one reason text (a syntax error list gives one class per error). */
    public static Set<String> classes(String reason) {
        Set<String> classes = new LinkedHashSet<>();
        for (Rule rule : FILE_RULES) {
            if (rule.pattern().matcher(reason).find()) {
                classes.add(rule.name());
                return classes;
            }
        }
        for (String part : reason.split("; ")) {
            classes.add(classOf(part.strip()));
        }
        return classes;
    }

    static String classOf(String reason) {
        Matcher syntax = SYNTAX.matcher(reason);
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(reason).find()) {
                return rule.name().contains("%s") ? String.format(rule.name(), syntax.matches() ? syntax.group(1) : "?") : rule.name();
            }
        }
        if (syntax.matches()) {
            return syntax.group(2) + "|" + syntax.group(1);
        }
        return reason.replaceAll("'[^']*'", "'…'").replaceAll("\\d+", "N");
    }

    public List<CorpusRun.MessageRun> orderMessages() {
        return runs.stream().flatMap(r -> r.messages().stream()).filter(m -> m.message().isOrder()).toList();
    }

    /** Keys of the invalid-in-fact list that name no file or message of the corpus. */
    public List<String> unusedInvalidKeys() {
        Set<String> used = new LinkedHashSet<>();
        for (CorpusRun run : runs) {
            for (CorpusRun.MessageRun message : run.messages()) {
                used.add(run.file());
                used.add(run.file() + " " + message.message().label());
            }
        }
        return invalidInFact.keySet().stream().filter(key -> !used.contains(key)).sorted().toList();
    }

    private record Cause(Set<String> files, List<String> messages, int alone, Set<String> details) {

        String describe(String name) {
            return details.isEmpty() ? name : name + ": " + String.join(", ", details);
        }
    }

    /** Rejected (or unanswered) messages by cause class: messages, files, and messages that this class alone blocks. */
    private Map<String, Cause> causes(boolean validOnly) {
        Map<String, Set<String>> files = new TreeMap<>();
        Map<String, List<String>> messages = new TreeMap<>();
        Map<String, Integer> alone = new TreeMap<>();
        Map<String, Set<String>> details = new TreeMap<>();
        for (CorpusRun run : runs) {
            for (CorpusRun.MessageRun message : run.messages()) {
                if (message.verdict().accepted() || (validOnly && (!message.valid() || !message.message().isOrder()))) {
                    continue;
                }
                Set<String> classes = new LinkedHashSet<>();
                for (String reason : message.reasons()) {
                    for (String found : classes(reason)) {
                        String[] family = found.split("\\|", 2);
                        classes.add(family[0]);
                        if (family.length > 1) {
                            details.computeIfAbsent(family[0], k -> new java.util.TreeSet<>()).add(family[1]);
                        }
                    }
                }
                if (classes.isEmpty()) {
                    classes.add("(no reason given)");
                }
                for (String name : classes) {
                    files.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(run.file());
                    messages.computeIfAbsent(name, k -> new ArrayList<>()).add(run.file() + " " + message.message().label());
                }
                if (classes.size() == 1) {
                    alone.merge(classes.iterator().next(), 1, Integer::sum);
                }
            }
        }
        Map<String, Cause> causes = new LinkedHashMap<>();
        messages.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(e ->
                causes.put(e.getKey(), new Cause(files.get(e.getKey()), e.getValue(), alone.getOrDefault(e.getKey(), 0),
                        details.getOrDefault(e.getKey(), Set.of()))));
        return causes;
    }

    /** Overall numbers and the causes, as printed to stdout. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        List<CorpusRun.MessageRun> orders = orderMessages();
        long validOrders = orders.stream().filter(CorpusRun.MessageRun::valid).count();
        long validAccepted = orders.stream().filter(m -> m.valid() && m.verdict().accepted()).count();
        long messages = runs.stream().mapToLong(r -> r.messages().size()).sum();
        long accepted = runs.stream().mapToLong(CorpusRun::accepted).sum();
        long rejected = runs.stream().mapToLong(CorpusRun::rejected).sum();
        long noVerdict = messages - accepted - rejected;
        long booked = runs.stream().mapToLong(CorpusRun::bookedRows).sum();
        long responses = runs.stream().mapToLong(r -> r.orderResponses().size()).sum();
        Map<String, Long> outcomes = new TreeMap<>();
        runs.forEach(r -> outcomes.merge(r.outcome(), 1L, Long::sum));
        out.append("EDI corpus: ").append(runs.size()).append(" files ").append(outcomes).append(", ").append(messages)
                .append(" messages (").append(orders.size()).append(" orders, ").append(validOrders).append(" valid per their standard)\n");
        out.append("acknowledged: ").append(accepted).append(" accepted, ").append(rejected).append(" rejected, ").append(noVerdict)
                .append(" without a verdict; valid orders accepted: ").append(validAccepted).append(" of ").append(validOrders)
                .append(validOrders == 0 ? "" : " (" + validAccepted * 100 / validOrders + " %)").append('\n');
        out.append("orders booked: ").append(booked).append("; order responses written: ").append(responses).append('\n');
        out.append("valid order messages not accepted, by cause (messages / files / messages blocked by this cause alone):\n");
        causes(true).forEach((name, cause) -> out.append(String.format("  %4d %3d %4d  %s%n", cause.messages().size(),
                cause.files().size(), cause.alone(), cause.describe(name))));
        return out.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# EDI corpus report\n\n");
        md.append("Every file of ../shared/edi-corpus/x12-850 and edifact-orders through the inbox's EDI route (EdiCorpusTest), each ")
                .append("sender with the stand-in profile of an unknown partner. Verdicts are read from the acknowledgements the hub ")
                .append("wrote; causes from the reasons it gave.\n\n");
        md.append("## Summary\n\n```\n").append(summary()).append("```\n\n");

        md.append("## Messages not accepted, by cause (all messages, valid or not)\n\n| cause | messages | files | alone |\n|---|---:|---:|---:|\n");
        causes(false).forEach((name, cause) -> md.append("| ").append(cell(cause.describe(name))).append(" | ").append(cause.messages().size())
                .append(" | ").append(cause.files().size()).append(" | ").append(cause.alone()).append(" |\n"));

        md.append("\n## Files\n\n| file | standard / version | outcome | messages | accepted | rejected | codes | booked | responses | first reason |\n")
                .append("|---|---|---|---:|---:|---:|---|---:|---:|---|\n");
        for (CorpusRun run : runs) {
            Set<String> versions = new LinkedHashSet<>();
            Set<String> codes = new LinkedHashSet<>();
            for (CorpusRun.MessageRun message : run.messages()) {
                versions.add(message.message().standard() + " " + message.message().type() + " " + message.message().version());
                if (!message.verdict().codes().isEmpty()) {
                    codes.add(shortCodes(message.verdict().codes()));
                }
            }
            md.append("| ").append(cell(run.file())).append(" | ").append(cell(String.join(", ", versions))).append(" | ")
                    .append(run.outcome()).append(" | ").append(run.messages().size()).append(" | ").append(run.accepted()).append(" | ")
                    .append(run.rejected()).append(" | ").append(cell(String.join("; ", codes))).append(" | ").append(run.bookedRows())
                    .append(" | ").append(run.orderResponses().size()).append(" | ").append(cell(abbreviate(run.firstReason(), 160)))
                    .append(" |\n");
        }

        md.append("\n## Messages invalid per their standard\n\n| message | why | hub's verdict |\n|---|---|---|\n");
        for (CorpusRun run : runs) {
            for (CorpusRun.MessageRun message : run.messages()) {
                if (!message.valid()) {
                    md.append("| ").append(cell(run.file() + " " + message.message().label())).append(" | ")
                            .append(cell(message.invalidInFact())).append(" | ").append(message.verdict().outcome()).append(" |\n");
                }
            }
        }

        md.append("\n## Messages\n\n| file | # | message | version | interchange / group | valid | verdict | codes | booking | reasons |\n")
                .append("|---|---:|---|---|---|---|---|---|---|---|\n");
        for (CorpusRun run : runs) {
            for (CorpusRun.MessageRun message : run.messages()) {
                CorpusMessage m = message.message();
                md.append("| ").append(cell(run.file())).append(" | ").append(m.ordinal()).append(" | ").append(cell(m.label()))
                        .append(" | ").append(cell(m.version())).append(" | ").append(cell(m.sender() + " " + m.interchange()
                                + (m.group().isEmpty() ? "" : " / " + m.group()))).append(" | ").append(message.valid() ? "yes" : "no")
                        .append(" | ").append(message.verdict().outcome()).append(" | ").append(cell(message.verdict().codes()))
                        .append(" | ").append(cell(abbreviate(message.booking(), 120))).append(" | ")
                        .append(cell(abbreviate(String.join(" / ", message.reasons()), 300))).append(" |\n");
            }
        }

        md.append("\n## Files' outcomes and documents written\n\n");
        for (CorpusRun run : runs) {
            md.append("- ").append(run.file()).append(": ").append(run.outcome()).append(" — ").append(abbreviate(run.detail(), 400))
                    .append("; wrote ").append(run.documents()).append(run.orderResponses().isEmpty() ? "" : "; responses "
                            + run.orderResponses()).append('\n');
        }
        return md.toString();
    }

    private static String shortCodes(String codes) {
        return abbreviate(codes, 60);
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
