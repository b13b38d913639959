package org.backofficehub.edi.reading;

import io.xlate.edi.stream.EDIStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backofficehub.edi.Segment;

/**
 * A message's element events as read, copied into two flat arrays instead of strings and lists:
 * the reading thread only copies characters, and the thread that checks and translates the
 * message builds its segments ({@link #replay}). Reading is the bottleneck of an interchange, so
 * the work moves to where there is time for it.
 */
final class MessageTape {

    private static final int SEGMENT = 0;
    private static final int COMPOSITE = 1;
    private static final int VALUE = 2;
    /** kind, element position, component position, occurrence and composite flag, text start, text length. */
    private static final int WIDTH = 6;

    private char[] text;
    private int textLength;
    private int[] entries;
    private int entryCount;

    /** Sized like the previous message, so a stream of similar messages rarely grows a tape. */
    MessageTape(int expectedChars, int expectedEntries) {
        text = new char[Math.max(256, expectedChars)];
        entries = new int[Math.max(64, expectedEntries) * WIDTH];
    }

    int chars() {
        return textLength;
    }

    int entries() {
        return entryCount;
    }

    void segment(EDIStreamReader reader) {
        add(SEGMENT, 0, 0, 0, reader);
    }

    boolean lastSegmentIs(String tag) {
        int at = lastSegment();
        if (at < 0 || entries[at + 5] != tag.length()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (text[entries[at + 4] + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    String lastSegmentTag() {
        int at = lastSegment();
        return at < 0 ? null : new String(text, entries[at + 4], entries[at + 5]);
    }

    private int lastSegment() {
        for (int at = (entryCount - 1) * WIDTH; at >= 0; at -= WIDTH) {
            if (entries[at] == SEGMENT) {
                return at;
            }
        }
        return -1;
    }

    void composite(int elementPosition) {
        int at = reserve();
        entries[at] = COMPOSITE;
        entries[at + 1] = elementPosition;
    }

    void value(EDIStreamReader reader, int elementPosition, int componentPosition, int occurrence, boolean inComposite) {
        add(VALUE, elementPosition, componentPosition, occurrence << 1 | (inComposite ? 1 : 0), reader);
    }

    private void add(int kind, int element, int component, int flags, EDIStreamReader reader) {
        int length = reader.getTextLength();
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        reader.getTextCharacters(0, text, textLength, length);
        int at = reserve();
        entries[at] = kind;
        entries[at + 1] = element;
        entries[at + 2] = component;
        entries[at + 3] = flags;
        entries[at + 4] = textLength;
        entries[at + 5] = length;
        textLength += length;
    }

    private int reserve() {
        int at = entryCount * WIDTH;
        if (at + WIDTH > entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entryCount++;
        return at;
    }

    /** The message's segments and, separately, any repeated values, for a guide to refuse. */
    record Replayed(List<Segment> segments, List<MessageRecheck.Repetition> repetitions) {
    }

    Replayed replay() {
        List<Segment> segments = new ArrayList<>();
        List<MessageRecheck.Repetition> repetitions = List.of();
        SegmentBuilder builder = new SegmentBuilder();
        boolean open = false;
        for (int at = 0; at < entryCount * WIDTH; at += WIDTH) {
            switch (entries[at]) {
                case SEGMENT -> {
                    if (open) {
                        segments.add(builder.build());
                    }
                    builder.start(new String(text, entries[at + 4], entries[at + 5]));
                    open = true;
                }
                case COMPOSITE -> builder.composite(entries[at + 1]);
                default -> {
                    String value = new String(text, entries[at + 4], entries[at + 5]);
                    int occurrence = entries[at + 3] >>> 1;
                    if (occurrence > 1) {
                        if (repetitions.isEmpty()) {
                            repetitions = new ArrayList<>();
                        }
                        repetitions.add(new MessageRecheck.Repetition(segments.size(), entries[at + 1], occurrence, entries[at + 2],
                                value));
                    } else {
                        builder.value(entries[at + 1], entries[at + 2], (entries[at + 3] & 1) == 1, value);
                    }
                }
            }
        }
        if (open) {
            segments.add(builder.build());
        }
        return new Replayed(segments, repetitions);
    }
}
