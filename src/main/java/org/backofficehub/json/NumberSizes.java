package org.backofficehub.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.backofficehub.model.FieldProblem;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * Every number of a web order is a decimal of at most 18 digits before and 12 after the point.
 * JSON allows 1e-999999999: it passed the schema as a price (it is at least 0), and computing the
 * line's amount failed with an overflow, a 500 after the order had reached the booking. The ERP
 * keeps prices to 2 places and quantities to 3; the rule leaves room for what shops send, and
 * checks each number's size only, never doing arithmetic on it.
 */
public final class NumberSizes {

    private static final int MAX_INTEGER_DIGITS = 18;
    private static final int MAX_DECIMAL_PLACES = 12;
    // How a number may be written at most (6.5000 has 4), trailing zeros and all: JSON numbers are 1000 characters at most.
    private static final int MAX_WRITTEN_SCALE = 1000;

    private NumberSizes() {
    }

    public static void refuseIn(JsonNode document) {
        List<FieldProblem> found = new ArrayList<>();
        JsonPointers.walk(document, name -> name, (value, pointer) -> {
            if (value.isNumber()) {
                check(value.decimalValue(), pointer, found);
            }
        });
        if (!found.isEmpty()) {
            throw new InputRejectedException(ProblemType.SCHEMA_VIOLATION,
                    "The order has a number out of range in " + found.get(0).field() + ": " + found.get(0).reason(), found);
        }
    }

    /**
     * By precision and scale first: stripping the zeros of 1e999999999 would build a billion-digit
     * number. A zero is checked by its scale too (0E-999999999 is a zero a database cannot store:
     * the ERP refused the whole batch, a 503).
     */
    private static void check(BigDecimal number, String pointer, List<FieldProblem> found) {
        long integerDigits = (long) number.precision() - number.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            found.add(new FieldProblem(pointer, "has " + integerDigits + " digits before the decimal point; at most " + MAX_INTEGER_DIGITS));
        } else if (Math.abs((long) number.scale()) > MAX_WRITTEN_SCALE || number.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            found.add(new FieldProblem(pointer, "has more than " + MAX_DECIMAL_PLACES + " decimal places"));
        }
    }
}
