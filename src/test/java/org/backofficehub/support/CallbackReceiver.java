package org.backofficehub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The web store's side of the callbacks: a real HTTP server that keeps every notice it is sent, and can be stopped and started again. */
public final class CallbackReceiver implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> notices = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    public static CallbackReceiver start() {
        CallbackReceiver receiver = new CallbackReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/notices", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            body.path("notices").forEach(notices::add);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port + "/notices";
    }

    /** The web store goes away: connections are refused. */
    public void stop() {
        server.stop(0);
    }

    /** Back on the same port. */
    public void restart() {
        listen(port);
    }

    public List<JsonNode> notices() {
        return new ArrayList<>(notices);
    }

    public List<JsonNode> notices(String event) {
        return notices().stream().filter(n -> event.equals(n.path("event").asText())).toList();
    }

    public List<String> noticeIds() {
        return notices().stream().map(n -> n.path("noticeId").asText()).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
