package org.backofficehub.erp;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;

/**
 * The ERP profile in the routes' endpoints: {@code sql:{{erp:shipments.poll}}} is a statement, a
 * statement's named parameters become camel-sql's {@code :#name} (the value of the polled row, or
 * of the message, by that name); {@code {{erp:file.confirmations-endpoint}}} is a file connector's
 * setting, with the hub's own placeholders in it resolved ({@code {{hub.data-dir}}}).
 */
public final class ErpPlaceholders implements PropertiesFunction {

    private final ErpProfile profile;
    private final CamelContext camel;

    public ErpPlaceholders(ErpProfile profile, CamelContext camel) {
        this.profile = profile;
        this.camel = camel;
    }

    @Override
    public String getName() {
        return "erp";
    }

    @Override
    public String apply(String remainder) {
        String key = remainder.trim();
        ErpStatement statement = ErpStatement.byKey(key);
        if (statement != null) {
            return profile.statement(statement).camelSql();
        }
        String setting = profile.fileSetting(key);
        if (setting == null) {
            throw new ErpProfileException("{{erp:" + key + "}}: " + profile + " has no such statement or file setting");
        }
        return camel.resolvePropertyPlaceholders(setting);
    }
}
