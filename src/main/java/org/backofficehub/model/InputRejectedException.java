package org.backofficehub.model;

import java.util.List;

/**
 * The hub refuses an input for a reason the sender can fix. Carries everything a problem body
 * or a quarantine reason file needs; no stack trace is worth logging for these.
 */
public class InputRejectedException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldProblem> fieldProblems;

    public InputRejectedException(ProblemType type, String detail) {
        this(type, detail, List.of(), null);
    }

    public InputRejectedException(ProblemType type, String detail, List<FieldProblem> fieldProblems) {
        this(type, detail, fieldProblems, null);
    }

    public InputRejectedException(ProblemType type, String detail, List<FieldProblem> fieldProblems, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }
}
