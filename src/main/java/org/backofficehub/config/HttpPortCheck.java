package org.backofficehub.config;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Refuses to start when the HTTP port is taken. The embedded server only logs a failed bind and
 * the daemon would otherwise run on, taking files but deaf to the web store and to health checks.
 */
final class HttpPortCheck {

    private HttpPortCheck() {
    }

    static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("HTTP port " + port + " on " + host + " is not available (" + e.getMessage()
                    + "): is another hub running? Set camel.server.port (CAMEL_SERVER_PORT) to use another port.", e);
        }
    }
}
