package org.backofficehub.observe;

import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;

/**
 * java.util.logging into log4j2: StAEDI (and the JDK itself) log through JUL, which would otherwise
 * write its own two-line format to stderr beside the hub's lines. Bridged by a handler on JUL's root
 * logger rather than by {@code java.util.logging.manager}, which only works if set before anything
 * in the JVM touches JUL: a test runner, an agent or the JDK's own classes often have. The handler's
 * levels follow log4j2's configuration, so what log4j2 would drop is dropped by JUL before a record
 * is even built.
 */
public final class JavaLogging {

    private JavaLogging() {
    }

    /** Idempotent: the daemon may be started more than once in a JVM (tests, restarts). */
    public static synchronized void bridge() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof Log4jBridgeHandler) {
                return;
            }
        }
        // Root's own handlers (the console one) removed: each record is written once, by log4j2.
        Log4jBridgeHandler.install(true, null, true);
    }
}
