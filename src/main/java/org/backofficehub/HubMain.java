package org.backofficehub;

import org.apache.camel.main.Main;
import org.backofficehub.config.HubConfiguration;

/**
 * The camel-main daemon with the hub's configuration: properties from
 * {@code config/application.properties} (or {@code -Dhub.config=...}), beans from
 * {@link HubConfiguration}, routes from the YAML files the properties name.
 */
public class HubMain extends Main {

    public static final String DEFAULT_CONFIG = "file:config/application.properties";

    public HubMain() {
        // No main class: it would switch on classpath scanning, which costs start-up time and
        // finds nothing HubConfiguration does not already bind.
        configure().addConfiguration(HubConfiguration.class);
        String config = System.getProperty("hub.config", System.getenv().getOrDefault("HUB_CONFIG", DEFAULT_CONFIG));
        setDefaultPropertyPlaceholderLocation(config.contains(":") ? config : "file:" + config);
    }
}
