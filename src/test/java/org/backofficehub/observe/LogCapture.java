package org.backofficehub.observe;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Log lines as the hub's configured appender would write them, captured: an appender on the root
 * logger with the layout of the appender the root logger writes to (text or json).
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    private LogCapture(Layout<?> layout) {
        super("capture", null, layout, true, Property.EMPTY_ARRAY);
    }

    /** The name of the appender the root logger writes to, as log4j2.properties chose it. */
    static String rootAppender() {
        return List.copyOf(context().getConfiguration().getRootLogger().getAppenders().keySet()).get(0);
    }

    /** Reads log4j2.properties again, e.g. after hub.log.format changed. */
    static void reconfigure() {
        context().reconfigure();
    }

    static LogCapture attach() {
        Configuration configuration = context().getConfiguration();
        LogCapture capture = new LogCapture(configuration.getAppender(rootAppender()).getLayout());
        capture.start();
        configuration.getRootLogger().addAppender(capture, null, null);
        context().updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(new String(getLayout().toByteArray(event), java.nio.charset.StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        context().getConfiguration().getRootLogger().removeAppender(getName());
        context().updateLoggers();
        stop();
    }

    private static LoggerContext context() {
        return (LoggerContext) LogManager.getContext(false);
    }
}
