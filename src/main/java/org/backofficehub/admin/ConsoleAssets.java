package org.backofficehub.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;

/**
 * The console's script, style and charting library ({@code GET /admin/assets/{asset}}), served
 * from the jar so that the console works offline, with no CDN. Only the files named here are
 * served: the path parameter never reaches the class loader.
 */
public final class ConsoleAssets {

    private static final Map<String, String> TYPES = Map.of(
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uPlot.min.css", "text/css; charset=utf-8");

    private final Map<String, byte[]> assets;

    public ConsoleAssets() {
        Map<String, byte[]> read = new java.util.HashMap<>();
        for (String name : TYPES.keySet()) {
            try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream("admin/assets/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("The console asset admin/assets/" + name + " is missing from the classpath");
                }
                read.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assets = Map.copyOf(read);
    }

    public void serve(Exchange exchange) {
        Message message = exchange.getMessage();
        String name = message.getHeader("asset", String.class);
        byte[] asset = name == null ? null : assets.get(name);
        if (asset == null) {
            throw new InputRejectedException(ProblemType.NOT_FOUND, "No console asset of that name");
        }
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, TYPES.get(name));
        // A short private cache: the console's pages share these files, and a new hub version is
        // seen within minutes.
        message.setHeader("Cache-Control", "private, max-age=300");
        message.setBody(asset);
    }
}
