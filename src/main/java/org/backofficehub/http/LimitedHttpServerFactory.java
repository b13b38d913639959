package org.backofficehub.http;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;

/**
 * How camel-main makes the embedded HTTP server, found in the registry before Camel's own: the
 * hub's, with its limits (hub.http.*), from the camel.server.* settings Camel's factory reads. The management endpoints
 * (/observe/health, /observe/metrics) are Camel's as before; on the same port they share this server.
 * Options of Camel's server the hub does not use (Camel's TLS, static files, uploads, its authentication)
 * stop the start naming the setting, rather than being silently ignored.
 */
public final class LimitedHttpServerFactory implements MainHttpServerFactory {

    private final DefaultMainHttpServerFactory camels = new DefaultMainHttpServerFactory();

    @Override
    public Service newHttpServer(CamelContext camelContext, HttpServerConfigurationProperties settings) {
        List<String> unsupported = new ArrayList<>();
        if (settings.isUseGlobalSslContextParameters()) {
            unsupported.add("camel.server.useGlobalSslContextParameters (the hub's own TLS is hub.http.tls.*)");
        }
        if (settings.isStaticEnabled()) {
            unsupported.add("camel.server.staticEnabled");
        }
        if (settings.isAuthenticationEnabled()) {
            unsupported.add("camel.server.authenticationEnabled (the admin API has its own)");
        }
        if (settings.isFileUploadEnabled()) {
            unsupported.add("camel.server.fileUploadEnabled (the hub takes no uploads; multipart bodies are refused)");
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalStateException("The hub's HTTP server does not support " + String.join(", ", unsupported) + ": set them false");
        }
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost(settings.getHost());
        configuration.setBindPort(settings.getPort());
        configuration.setPath(settings.getPath());
        configuration.setMaxBodySize(settings.getMaxBodySize());
        configuration.getBodyHandler().setHandleFileUploads(false);
        LimitedHttpServer server = new LimitedHttpServer(configuration, HttpLimits.from(camelContext.getPropertiesComponent()),
                ServerTls.from(camelContext.getPropertiesComponent()));
        server.setCamelContext(camelContext);
        return server;
    }

    @Override
    public Service newHttpManagementServer(CamelContext camelContext, HttpManagementServerConfigurationProperties settings) {
        camels.setCamelContext(camelContext);
        return camels.newHttpManagementServer(camelContext, settings);
    }
}
