package org.backofficehub.edi;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one functional group (for EDIFACT without UNG: the interchange's messages).
 * Accepted messages are only counted, so an interchange of any size is acknowledged in bounded
 * memory: acknowledgements list the messages in error, and the group level covers the rest.
 */
public final class GroupReport {

    static final int MAX_LISTED = 1000;

    private final FunctionalGroup group;
    private int received;
    private int accepted;
    private final List<MessageVerdict> rejected = new ArrayList<>();
    private int declared = -1;
    private final List<SyntaxError> trailerErrors = new ArrayList<>();

    public GroupReport(FunctionalGroup group) {
        this.group = group;
    }

    public void accepted() {
        received++;
        accepted++;
    }

    /** A message of an interchange refused as a whole: counted, not listed. */
    public void counted() {
        received++;
    }

    public void rejected(MessageVerdict verdict) {
        received++;
        if (rejected.size() < MAX_LISTED) {
            rejected.add(verdict);
        }
    }

    /** The group's trailer is wrong: none of its messages counts as accepted. */
    public void refuseAll() {
        accepted = 0;
    }

    public void ended(int declaredCount, List<SyntaxError> errors) {
        this.declared = declaredCount;
        this.trailerErrors.addAll(errors);
    }

    public FunctionalGroup group() {
        return group;
    }

    public int received() {
        return received;
    }

    public int acceptedCount() {
        return accepted;
    }

    public List<MessageVerdict> rejectedMessages() {
        return rejected;
    }

    public int declared() {
        return declared;
    }

    public List<SyntaxError> trailerErrors() {
        return trailerErrors;
    }
}
