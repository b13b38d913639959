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
        return DataDirectory.of(dataDir.trim());
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
                                     @PropertyInject("hub.erp.migrate") boolean migrateErp,
                                     @PropertyInject("hub.erp.migrations") String erpMigrations) {
        // Every setting is read before anything opens, so a bad one leaves nothing half opened.
        DatabaseSettings store = DatabaseSettings.of("hub.store", storeUrl, storeUser, storePassword, storePoolSize);
        DatabaseSettings erp = DatabaseSettings.of("hub.erp", erpUrl, erpUser, erpPassword, erpPoolSize);
        return HubDatabases.open(dataDirectory, store, erp, migrateErp ? erpMigrations.trim().split("\\s*,\\s*") : new String[0]);
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
