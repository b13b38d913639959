package org.backofficehub.http;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's Vert.x server for platform-http, listening with the hub's limits. Camel builds the
 * server's options as Vert.x's defaults (no timeouts, h2c upgrades answered, CL+TE resolved
 * silently), and camel.server.* has no setting for any of them, so this subclass starts the
 * listening socket itself; the router, the routes on it and everything else stay Camel's. Each
 * HTTP/1.1 connection gets the request-smuggling-proof decoder and its deadlines; every answer the
 * server gives without a route is a problem body; every answer carries the security headers. TLS
 * when a keystore is set, and no more connections than the cap.
 */
final class LimitedHttpServer extends VertxPlatformHttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(LimitedHttpServer.class);
    // Vert.x's names for its HTTP/1.1 pipeline handlers (HttpServerWorker), which the hub's go between.
    private static final String DECODER = "httpDecoder";
    private static final String CONNECTION = "handler";

    private final VertxPlatformHttpServerConfiguration configuration;
    private final HttpLimits limits;
    private final Optional<ServerTls> tls;
    private final SecurityHeaders headers;
    private final ConnectionCap cap;
    private HttpServer server;

    LimitedHttpServer(VertxPlatformHttpServerConfiguration configuration, HttpLimits limits, Optional<ServerTls> tls) {
        super(configuration);
        this.configuration = configuration;
        this.limits = limits;
        this.tls = tls;
        this.headers = new SecurityHeaders(tls.isPresent());
        this.cap = new ConnectionCap(limits.maxConnections());
    }

    @Override
    protected void startServer() throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setMaxInitialLineLength(limits.maxRequestLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setHttp2ClearTextEnabled(limits.h2c())
                .setDecompressionSupported(false);
        if (limits.h2c()) {
            // HTTP/2 streams bypass the HTTP/1.1 deadlines below: bound the connection by Vert.x's idle timeout instead.
            options.setIdleTimeout((int) limits.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        tls.ifPresent(settings -> {
            settings.applyTo(options);
            // The deadlines start once the handshake is done: until then a client gets the header timeout for it (Vert.x's own is 10 s).
            options.setSslHandshakeTimeout(limits.headerTimeout().toMillis()).setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        });
        Router root = Router.router(getVertx());
        root.route().handler(headers.onEveryAnswer());
        String routerName = VertxPlatformHttpRouter.getRouterNameFromPort(configuration.getBindPort());
        root.route(configuration.getPath() + "*").subRouter(VertxPlatformHttpRouter.lookup(getCamelContext(), routerName));
        ServerRefusals refusals = new ServerRefusals(limits, configuration.getMaxBodySize(), headers);
        refusals.answerFailuresOf(root);
        server = getVertx().createHttpServer(options)
                .invalidRequestHandler(refusals.invalidRequests())
                .connectionHandler(connection -> guard(connection, options))
                .requestHandler(root);
        server.listen(configuration.getBindPort(), configuration.getBindHost()).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        LOG.info("HTTP server listening on {}:{} ({}; idle {} ms, head {} ms, body {} ms, h2c {}, at most {} connections)",
                configuration.getBindHost(), server.actualPort(),
                tls.map(t -> "TLS on: " + String.join(", ", t.protocols()) + ", keystore " + t.keystore()).orElse("TLS off: plain HTTP"),
                limits.idleTimeout().toMillis(), limits.headerTimeout().toMillis(), limits.bodyTimeout().toMillis(),
                limits.h2c() ? "on" : "off", limits.maxConnections());
    }

    /** A connection within the cap; for HTTP/1.1 its pipeline, before it has read a byte: the strict decoder and the deadlines. */
    private void guard(HttpConnection connection, HttpServerOptions options) {
        if (!cap.admit(connection) || !(connection instanceof ConnectionBase base)) {
            return;
        }
        ChannelPipeline pipeline = base.channel().pipeline();
        if (pipeline.get(DECODER) == null || pipeline.get(CONNECTION) == null) {
            return; // HTTP/2 (h2c switched on): no HTTP/1.1 decoder to guard
        }
        pipeline.replace(DECODER, DECODER, new StrictRequestDecoder(options));
        RequestDeadlines deadlines = new RequestDeadlines(base.channel(), limits, headers);
        pipeline.addBefore(DECODER, "hubRequestArrivals", deadlines.arrivals());
        pipeline.addBefore(CONNECTION, "hubRequestDeadlines", deadlines.progress());
    }

    /** As Camel's own server stops: its component goes with it, so a context started again makes a new one. */
    @Override
    protected void stopServer() {
        if (server != null) {
            try {
                getCamelContext().removeComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME);
                server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("The HTTP server did not close cleanly: {}", e.getMessage());
            } finally {
                server = null;
            }
        }
    }

    /** Closes the Vert.x instance Camel made for the server (not one found in the registry, which its owner closes). */
    @Override
    protected void stopVertx() {
        Vertx vertx = getVertx();
        if (vertx == null || lookupVertx() != null) {
            return;
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
    }

    /** The listening server: platform-http's engine asks for it to learn the port its routes are served on. */
    @Override
    public HttpServer getServer() {
        return server;
    }

    @Override
    public int getPort() {
        return server != null ? server.actualPort() : configuration.getBindPort();
    }
}
