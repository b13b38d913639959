package org.backofficehub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.backofficehub.erp.OrderFileRecords;
import org.backofficehub.erp.ErpPlaceholders;
import org.backofficehub.erp.ErpOrderReader;
import org.backofficehub.erp.ErpProfile;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.observe.DatabaseHealthCheck;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.store.FailureLog;

/** The hub's data: its folders, its own store and the ERP's database, and what every domain shares (clock, JSON). */
public class StoreConfiguration implements CamelConfiguration {

    @BindToRegistry(lazy = true)
    public Clock clock() {
        return Clock.systemUTC();
    }

    @BindToRegistry(lazy = true)
    public DataDirectory dataDirectory(@PropertyInject("hub.data-dir") String dataDir) {
        return DataDirectory.of(dataDir.trim()).createdOwnerOnly();
    }

    /** JSON for the hub's HTTP answers. */
    @BindToRegistry(lazy = true)
    public ObjectMapper objectMapper() {
        return new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Canonical orders and events as the hub store keeps them. */
    @BindToRegistry(lazy = true)
    public ObjectMapper canonicalJson() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @BindToRegistry(lazy = true)
    public HubDatabases hubDatabases(DataDirectory dataDirectory,
                                     @PropertyInject("hub.store.url") String storeUrl, @PropertyInject("hub.store.user") String storeUser,
                                     @PropertyInject("hub.store.password") String storePassword,
                                     @PropertyInject("hub.store.pool-size") String storePoolSize,
                                     @PropertyInject("hub.erp.url") String erpUrl, @PropertyInject("hub.erp.user") String erpUser,
                                     @PropertyInject("hub.erp.password") String erpPassword,
                                     @PropertyInject("hub.erp.pool-size") String erpPoolSize,
                                     @PropertyInject("hub.erp.migrate") boolean migrateErp, ErpProfile erpProfile) {
        // Every setting is read before anything opens, so a bad one leaves nothing half opened.
        DatabaseSettings store = DatabaseSettings.of("hub.store", storeUrl, storeUser, storePassword, storePoolSize);
        DatabaseSettings erp = DatabaseSettings.of("hub.erp", erpUrl, erpUser, erpPassword, erpPoolSize);
        return HubDatabases.open(dataDirectory, store, erp, migrateErp ? erpProfile.migrations().toArray(String[]::new) : new String[0]);
    }

    /**
     * How the hub talks to the ERP (hub.erp.profile: config/erp/&lt;profile&gt;.properties), read and
     * checked once, before anything opens: a profile that cannot work stops the hub naming what is wrong.
     */
    @BindToRegistry(lazy = true)
    public ErpProfile erpProfile(CamelContext camel, @PropertyInject("hub.erp.profile") String profile) {
        return ErpProfile.load(profile, key -> camel.getPropertiesComponent().resolveProperty(key).orElse(null));
    }

    /** The order files written for an ERP that imports files (the file connector). */
    @BindToRegistry(lazy = true)
    public OrderFileRecords orderFileRecords(@BeanInject("hubStore") DataSource hubStore,
                                             @BeanInject("canonicalJson") ObjectMapper canonicalJson, Clock clock) {
        return new OrderFileRecords(hubStore, canonicalJson, clock);
    }

    /** Orders as the ERP holds them, for lookups, partners' documents and shipments. */
    @BindToRegistry(lazy = true)
    public ErpOrderReader erpOrderReader(@BeanInject("erpDataSource") DataSource erp, ErpProfile erpProfile) {
        return new ErpOrderReader(erp, erpProfile);
    }

    @BindToRegistry(lazy = true)
    public DataSource hubStore(HubDatabases databases) {
        return databases.hubStore();
    }

    @BindToRegistry(lazy = true)
    public DataSource erpDataSource(HubDatabases databases) {
        return databases.erp();
    }

    @BindToRegistry(lazy = true)
    public FailureLog failureLog(@BeanInject("hubStore") DataSource hubStore, Clock clock) {
        return new FailureLog(hubStore, clock);
    }

    @Override
    public void configure(CamelContext camel) throws Exception {
        HubDatabases databases = camel.getRegistry().findSingleByType(HubDatabases.class);
        Map<String, DataSource> checked = new LinkedHashMap<>();
        checked.put("hub-store", databases.hubStore());
        checked.put("erp", databases.erp());
        HealthCheckRegistry.get(camel).register(new DatabaseHealthCheck(checked));
        // {{erp:shipments.poll}}, {{erp:file.orders-endpoint}}: the ERP profile in the routes' endpoints.
        camel.getPropertiesComponent().addPropertiesFunction(new ErpPlaceholders(camel.getRegistry().findSingleByType(ErpProfile.class), camel));
        // The first service added is the last stopped: the databases close after the routes and the
        // writers the other configurations add have finished their work.
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                databases.close();
            }
        }, true, true);
    }
}
