package org.backofficehub.support;

import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Some of the hub's route files ({@code routes/*.camel.yaml}) running in a CamelContext of their
 * own, with just the beans they use: a flow tested as its YAML runs it, without the whole daemon.
 */
public final class RouteFiles {

    private RouteFiles() {
    }

    public static CamelContext start(Map<String, Object> beans, String... files) {
        return start(beans, new Properties(), files);
    }

    /** With the settings the routes use (those of config/application.properties they name). */
    public static CamelContext start(Map<String, Object> beans, Properties settings, String... files) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(settings);
        // The routes name these on every order (log keys, metrics); a test may bind its own.
        camel.getRegistry().bind("documentKeys", new org.backofficehub.observe.DocumentKeys());
        camel.getRegistry().bind("businessCounters", new org.backofficehub.observe.BusinessCounters());
        camel.getRegistry().bind("followUpTraces", org.backofficehub.observe.FollowUpTraces.off());
        // The singletons' route policy (routePolicy: singleton) as on a hub alone: they run.
        camel.getRegistry().bind("singleton", new org.backofficehub.cluster.SingleHubPolicy());
        beans.forEach(camel.getRegistry()::bind);
        try {
            for (String file : files) {
                PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.resolveResource(camel, "file:routes/" + file));
            }
            camel.start();
            return camel;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the routes of " + String.join(", ", files), e);
        }
    }
}
