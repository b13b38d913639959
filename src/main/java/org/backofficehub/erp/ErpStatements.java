package org.backofficehub.erp;

import org.apache.camel.spi.PropertiesFunction;

/**
 * The ERP profile's statements as placeholders for the routes that poll the ERP with camel-sql:
 * {@code sql:{{erp:shipments.poll}}}. A statement's named parameters become camel-sql's
 * {@code :#name}, which takes the value from the polled row (or the message) by that name.
 */
public final class ErpStatements implements PropertiesFunction {

    private final ErpProfile profile;

    public ErpStatements(ErpProfile profile) {
        this.profile = profile;
    }

    @Override
    public String getName() {
        return "erp";
    }

    @Override
    public String apply(String remainder) {
        ErpStatement statement = ErpStatement.byKey(remainder.trim());
        if (statement == null) {
            throw new ErpProfileException("{{erp:" + remainder + "}} names no ERP profile statement");
        }
        return profile.statement(statement).camelSql();
    }
}
