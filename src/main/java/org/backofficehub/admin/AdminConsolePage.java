package org.backofficehub.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers with the admin console's page, read once from the classpath. Served as a
 * Simple-language resource it was tokenised character by character when its route was created:
 * a fifth of a second of start-up for a page without a single expression in it.
 */
public final class AdminConsolePage implements Processor {

    private static final String RESOURCE = "admin/console.html";

    private final String page;

    public AdminConsolePage() {
        try (InputStream in = AdminConsolePage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The admin console page " + RESOURCE + " is missing from the classpath");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getMessage().setBody(page);
    }
}
