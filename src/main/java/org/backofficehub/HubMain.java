package org.backofficehub;

import java.util.Locale;
import java.util.Map;
import org.apache.camel.main.Main;
import org.backofficehub.config.AdminConfiguration;
import org.backofficehub.config.SecurityConfiguration;
import org.backofficehub.config.BackOfficeConfiguration;
import org.backofficehub.config.BookingConfiguration;
import org.backofficehub.config.BusinessDocumentConfiguration;
import org.backofficehub.config.ClusterConfiguration;
import org.backofficehub.config.CustomerConfiguration;
import org.backofficehub.config.EdiConfiguration;
import org.backofficehub.config.IntakeConfiguration;
import org.backofficehub.config.KafkaConfiguration;
import org.backofficehub.config.ObserveConfiguration;
import org.backofficehub.config.ShopConfiguration;
import org.backofficehub.config.StoreConfiguration;
import org.backofficehub.config.TrackingConfiguration;
import org.backofficehub.http.LimitedHttpServerFactory;
import org.backofficehub.observe.JavaLogging;

/**
 * The camel-main daemon with the hub's configuration: properties from
 * {@code config/application.properties} (and on top of it {@code -Dhub.config=...}), beans from the
 * configurations in {@code org.backofficehub.config}, one per domain, routes from the YAML files the properties name.
 */
public class HubMain extends Main {

    public static final String DEFAULT_CONFIG = "file:config/application.properties";

    // camel-main maps CAMEL_MAIN_*, CAMEL_COMPONENT_* ... environment variables itself, but not
    // those of the embedded HTTP server; without this, CAMEL_SERVER_PORT would be ignored.
    private static final String[] UNMAPPED_ENV_PREFIXES = {"CAMEL_SERVER_", "CAMEL_MANAGEMENT_"};

    public HubMain() {
        this(System.getenv());
    }

    HubMain(Map<String, String> environment) {
        // Before the configurations load StAEDI: its java.util.logging records go to the hub's log, in its format.
        JavaLogging.bridge();
        // No main class: it would switch on classpath scanning, which costs start-up time and
        // finds nothing the configurations below do not already bind.
        // In this order: configure() of each runs in it, and services they add stop in reverse.
        // First: tracing, if on, must be in place before any route is added.
        configure().addConfiguration(new ObserveConfiguration());
        configure().addConfiguration(new IntakeConfiguration());
        configure().addConfiguration(new BusinessDocumentConfiguration());
        configure().addConfiguration(new StoreConfiguration());
        configure().addConfiguration(new ClusterConfiguration());
        configure().addConfiguration(new BookingConfiguration());
        configure().addConfiguration(new EdiConfiguration());
        configure().addConfiguration(new ShopConfiguration());
        configure().addConfiguration(new KafkaConfiguration());
        configure().addConfiguration(new CustomerConfiguration());
        configure().addConfiguration(new BackOfficeConfiguration());
        configure().addConfiguration(new SecurityConfiguration());
        configure().addConfiguration(new TrackingConfiguration());
        configure().addConfiguration(new AdminConfiguration());
        // An operator's own file is read on top of the defaults, so it needs only the keys it changes:
        // Camel takes each key from the first location that has it.
        String config = System.getProperty("hub.config", environment.get("HUB_CONFIG"));
        setDefaultPropertyPlaceholderLocation(config == null || config.isBlank() ? DEFAULT_CONFIG
                : (config.contains(":") ? config : "file:" + config) + "," + DEFAULT_CONFIG);
        mapServerEnvironment(environment);
        // Not in a configuration class: camel-main looks for the HTTP server's factory before it loads those.
        bind("httpServerFactory", new LimitedHttpServerFactory());
    }

    private void mapServerEnvironment(Map<String, String> environment) {
        environment.forEach((name, value) -> {
            for (String prefix : UNMAPPED_ENV_PREFIXES) {
                if (name.startsWith(prefix)) {
                    // Option names bind case-insensitively: CAMEL_SERVER_MAXBODYSIZE -> camel.server.maxbodysize.
                    String key = prefix.toLowerCase(Locale.ROOT).replace('_', '.')
                            + name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace("_", "");
                    if (!hasSystemProperty(key)) {
                        addOverrideProperty(key, value);
                    }
                }
            }
        });
    }

    private static boolean hasSystemProperty(String lowerCaseKey) {
        return System.getProperties().stringPropertyNames().stream().anyMatch(k -> k.equalsIgnoreCase(lowerCaseKey));
    }
}
