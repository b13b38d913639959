package org.backofficehub.edi.reading;

import io.xlate.edi.schema.EDIComplexType;
import io.xlate.edi.schema.EDIReference;
import io.xlate.edi.schema.EDIType;
import io.xlate.edi.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.edi.Segment;

/**
 * An implementation guide compiled into a segment-sequence matcher that says whether a message
 * certainly conforms. It only ever answers "conforms" for a message StAEDI's validator would also
 * find free of errors; anything it is not sure about it leaves to StAEDI ({@link MessageRecheck}),
 * which finds and locates the errors. That split is the point: StAEDI walks its usage tree for
 * every loop occurrence and runs 7-15 times slower than its bare parse, while well-formed messages
 * are nearly all of the traffic and need only a yes.
 */
public final class MessageGuide {

    private final Node[] body;

    private MessageGuide(Node[] body) {
        this.body = body;
    }

    public static MessageGuide compile(Schema schema) {
        return new MessageGuide(children(schema.getStandard()));
    }

    /**
     * Whether the message, header and trailer included, certainly conforms to the guide.
     * {@code decimalMark} is the one the interchange declares ('\0' when none is usable).
     */
    public boolean accepts(List<Segment> message, char decimalMark) {
        int last = message.size() - 1;
        if (last < 1) {
            return false;
        }
        Cursor cursor = new Cursor(message, 1, last, decimalMark);
        return matchSequence(body, cursor, false) && cursor.index == last;
    }

    /**
     * Greedy, as EDI guides are read: a segment belongs to the first position at or after the
     * current one that names it (a segment or a loop's trigger), else to an enclosing level.
     */
    private static boolean matchSequence(Node[] children, Cursor cursor, boolean loopBody) {
        int position = 0;
        int[] counts = new int[children.length];
        if (loopBody) {
            if (!((SegmentNode) children[0]).conforms(cursor)) {
                return false;
            }
            counts[0] = 1;
            cursor.index++;
        }
        while (cursor.index < cursor.end) {
            String tag = cursor.segments.get(cursor.index).tag();
            int found = find(children, position, tag);
            if (found < 0 || (loopBody && found == 0)) {
                break; // a later position of an enclosing level, or the loop's next occurrence
            }
            for (int skipped = position; skipped < found; skipped++) {
                if (counts[skipped] < children[skipped].min()) {
                    return false;
                }
            }
            if (++counts[found] > children[found].max()) {
                return false;
            }
            position = found;
            if (!children[found].consume(cursor)) {
                return false;
            }
        }
        for (int rest = position; rest < children.length; rest++) {
            if (counts[rest] < children[rest].min()) {
                return false;
            }
        }
        return true;
    }

    private static int find(Node[] children, int from, String tag) {
        for (int i = from; i < children.length; i++) {
            if (children[i].tag().equals(tag)) {
                return i;
            }
        }
        return -1;
    }

    private static Node[] children(EDIComplexType parent) {
        List<Node> nodes = new ArrayList<>();
        for (EDIReference reference : parent.getReferences()) {
            EDIType type = reference.getReferencedType();
            if (type.isType(EDIType.Type.LOOP)) {
                Node[] loop = children((EDIComplexType) type);
                nodes.add(new LoopNode(loop[0].tag(), reference.getMinOccurs(), reference.getMaxOccurs(), loop));
            } else if (type.isType(EDIType.Type.SEGMENT)) {
                nodes.add(new SegmentNode(type.getCode(), reference.getMinOccurs(), reference.getMaxOccurs(),
                        SegmentRule.compile((EDIComplexType) type)));
            } else {
                throw new IllegalArgumentException("A transaction holds segments and loops, not " + type.getType());
            }
        }
        if (nodes.isEmpty() || (parent.isType(EDIType.Type.LOOP) && !(nodes.get(0) instanceof SegmentNode))) {
            throw new IllegalArgumentException(parent.getCode() + " must start with a segment");
        }
        return nodes.toArray(Node[]::new);
    }

    private static final class Cursor {
        final List<Segment> segments;
        final int end;
        final char decimalMark;
        int index;

        Cursor(List<Segment> segments, int start, int end, char decimalMark) {
            this.segments = segments;
            this.index = start;
            this.end = end;
            this.decimalMark = decimalMark;
        }
    }

    private sealed interface Node permits SegmentNode, LoopNode {
        String tag();

        int min();

        int max();

        boolean consume(Cursor cursor);
    }

    private record SegmentNode(String tag, int min, int max, SegmentRule rule) implements Node {
        boolean conforms(Cursor cursor) {
            return rule.conforms(cursor.segments.get(cursor.index), cursor.decimalMark);
        }

        @Override
        public boolean consume(Cursor cursor) {
            if (!conforms(cursor)) {
                return false;
            }
            cursor.index++;
            return true;
        }
    }

    private record LoopNode(String tag, int min, int max, Node[] children) implements Node {
        @Override
        public boolean consume(Cursor cursor) {
            return matchSequence(children, cursor, true);
        }
    }
}
