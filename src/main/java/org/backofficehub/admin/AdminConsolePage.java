package org.backofficehub.admin;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.backofficehub.util.ClasspathText;

/**
 * Answers with the admin console's page, read once from the classpath, and the page's
 * Content-Security-Policy, which allows its inline script and style by their hashes. Served as a
 * Simple-language resource it was tokenised character by character when its route was created:
 * a fifth of a second of start-up for a page without a single expression in it.
 */
public final class AdminConsolePage implements Processor {

    private static final String RESOURCE = "admin/console.html";

    private final String page;
    private final String policy;

    public AdminConsolePage() {
        page = ClasspathText.read(RESOURCE)
                .orElseThrow(() -> new IllegalStateException("The admin console page " + RESOURCE + " is missing from the classpath"));
        policy = ConsolePagePolicy.of(page);
    }

    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        exchange.getMessage().setHeader("Content-Security-Policy", policy);
        exchange.getMessage().setBody(page);
    }
}
