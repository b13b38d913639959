package org.backofficehub.erp;

import java.util.Map;

/** The values a statement's named parameters take: whatever the hub knows by that name, or null. */
@FunctionalInterface
public interface ParameterValues {

    Object value(String name);

    static ParameterValues of(Map<String, ?> values) {
        return values::get;
    }
}
