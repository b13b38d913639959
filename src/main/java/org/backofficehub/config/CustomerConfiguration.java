package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.PropertyInject;
import org.backofficehub.erp.ErpStatement;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.admin.CustomerAdminApi;
import org.backofficehub.api.CustomerApi;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.api.JsonRequest;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.customer.CustomerCuration;
import org.backofficehub.customer.CustomerFeed;
import org.backofficehub.customer.CustomerImport;
import org.backofficehub.customer.CustomerQueries;
import org.backofficehub.customer.CustomerResolver;
import org.backofficehub.customer.MatchSettings;
import org.backofficehub.inbox.CustomerExportFiles;

/** The customer master: golden customers from every channel and the ERP's own customer master. */
public class CustomerConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public CustomerResolver customerResolver(@BeanInject("hubStore") DataSource hubStore, Clock clock,
                                             @PropertyInject("hub.customers.phone-name-similarity") double phoneNameSimilarity,
                                             @PropertyInject("hub.customers.address-name-similarity") double addressNameSimilarity,
                                             @PropertyInject("hub.customers.default-region") String defaultPhoneRegion,
                                             @PropertyInject("hub.customers.source-priority") String sourcePriority) {
        return new CustomerResolver(hubStore, new MatchSettings(phoneNameSimilarity, addressNameSimilarity, defaultPhoneRegion.trim(),
                MatchSettings.parsePriority(sourcePriority)), clock);
    }

    @BindToRegistry(lazy = true)
    public CustomerFeed customerFeed(@BeanInject("hubStore") DataSource hubStore, CustomerResolver resolver,
                                     @BeanInject("canonicalJson") ObjectMapper canonicalJson, Clock clock, DrainWindow drains,
                                     @PropertyInject("hub.customers.batch-size") int batchSize) {
        return new CustomerFeed(hubStore, resolver, canonicalJson, batchSize, clock, drains::isOpen);
    }

    @BindToRegistry(lazy = true)
    public CustomerImport customerImport(CustomerResolver resolver, @BeanInject("erpDataSource") DataSource erp, ErpProfile erpProfile,
                                         Clock clock, @PropertyInject("hub.customers.batch-size") int batchSize) {
        return new CustomerImport(resolver, erp, erpProfile.statement(ErpStatement.CUSTOMERS).jdbc(), batchSize, clock);
    }

    @BindToRegistry(lazy = true)
    public CustomerExportFiles customerExportFiles(CustomerImport customerImport) {
        return new CustomerExportFiles(customerImport);
    }

    @BindToRegistry(lazy = true)
    public InputSizeLimit customerExportSizeLimit(@PropertyInject("hub.customers.max-export-bytes") long maxBytes) {
        return new InputSizeLimit(maxBytes, "hub.customers.max-export-bytes");
    }

    @BindToRegistry(lazy = true)
    public CustomerApi customerApi(@BeanInject("hubStore") DataSource hubStore, CustomerResolver resolver,
                                   @BeanInject("canonicalJson") ObjectMapper canonicalJson, Clock clock,
                                   @PropertyInject("hub.customers.report-currency") String reportCurrency) {
        return new CustomerApi(new CustomerQueries(hubStore, resolver), canonicalJson, reportCurrency.trim(), clock);
    }

    @BindToRegistry(lazy = true)
    public CustomerAdminApi customerAdminApi(@BeanInject("hubStore") DataSource hubStore, CustomerResolver resolver,
                                             CustomerImport customerImport, @BeanInject("objectMapper") ObjectMapper json,
                                             JsonRequest requests, Clock clock) {
        return new CustomerAdminApi(new CustomerCuration(hubStore, resolver, clock), customerImport, json, requests);
    }

}
