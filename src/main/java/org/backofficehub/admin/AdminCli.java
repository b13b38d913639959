package org.backofficehub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.backofficehub.security.PasswordHashes;
import org.backofficehub.security.UsersFile;
import org.backofficehub.store.DataDirectory;

/**
 * The command-line client for the admin API ({@code java -jar backoffice-hub.jar admin ...}),
 * for cron jobs and SSH sessions. Exit status: 0 done, 1 the hub refused or is unreachable,
 * 2 wrong usage.
 */
public final class AdminCli {

    static final String USAGE = """
            usage: java -jar target/backoffice-hub.jar admin COMMAND
              status                              routes with mode, schedule and counts
              mode ROUTE realtime|batch [CRON]    switch a route (CRON: Quartz, e.g. "0 0/15 * * * ?")
              run ROUTE                           drain a batch route now
              failures [open|replayed|discarded|all]
              replay ID [FILE]                    replay a failure, with FILE as corrected payload
              discard ID
              ship ERP_ORDER CARRIER [TRACKING]   record a shipment in the (demo) ERP, as its warehouse would
              journal                             close the accounting journal now
            """ + UserCommands.USAGE + """
            environment: HUB_URL (http://localhost:8080), HUB_ADMIN_USER (admin),
                         HUB_ADMIN_PASSWORD (else read from $HUB_DATA_DIR/admin-password, data/ by default),
                         HUB_SECURITY_USERS_FILE (else $HUB_DATA_DIR/users.properties), HUB_SECURITY_BCRYPT_COST (12)
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String authorization;
    private final PrintStream out;

    public AdminCli(URI base, String user, String password, PrintStream out) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.out = out;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && "admin".equals(args[0]);
    }

    /** Entry from main: settings from the environment. */
    public static int run(String[] args) {
        Map<String, String> env = System.getenv();
        DataDirectory data = DataDirectory.of(env.getOrDefault("HUB_DATA_DIR", "data"));
        if (args.length > 1 && "user".equals(args[1])) {
            String usersFile = env.get("HUB_SECURITY_USERS_FILE");
            UserCommands users = new UserCommands(new UsersFile(usersFile == null || usersFile.isBlank() ? data.usersFile() : Path.of(usersFile)),
                    java.util.Set.of(env.getOrDefault("HUB_ADMIN_USER", "admin"), env.getOrDefault("HUB_SECURITY_WEBSTORE_USER", "webstore")),
                    new PasswordHashes(Integer.parseInt(env.getOrDefault("HUB_SECURITY_BCRYPT_COST", "12"))),
                    UserCommands.passwordFrom(System.console(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))),
                    System.out);
            return users.execute(List.of(args).subList(2, args.length));
        }
        try {
            String password = env.get("HUB_ADMIN_PASSWORD");
            if (password == null || password.isBlank()) {
                Path file = data.adminPassword();
                password = Files.exists(file) ? Files.readString(file).trim() : "";
            }
            AdminCli cli = new AdminCli(URI.create(env.getOrDefault("HUB_URL", "http://localhost:8080")),
                    env.getOrDefault("HUB_ADMIN_USER", "admin"), password, System.out);
            return cli.execute(List.of(args).subList(1, args.length));
        } catch (IOException e) {
            System.err.println("hub admin: " + e.getMessage());
            return 1;
        }
    }

    public int execute(List<String> args) {
        if (args.isEmpty()) {
            out.print(USAGE);
            return 2;
        }
        try {
            return switch (args.get(0)) {
                case "status" -> status();
                case "mode" -> args.size() < 3 ? usage() : mode(args.get(1), args.get(2), args.size() > 3 ? String.join(" ", args.subList(3, args.size())) : null);
                case "run" -> args.size() < 2 ? usage() : show(call("POST", "/admin/routes/" + args.get(1) + "/run", null));
                case "failures" -> failures(args.size() > 1 ? args.get(1) : "open");
                case "replay" -> args.size() < 2 ? usage() : replay(args.get(1), args.size() > 2 ? args.get(2) : null);
                case "discard" -> args.size() < 2 ? usage() : show(call("DELETE", "/admin/failures/" + args.get(1), null));
                case "ship" -> args.size() < 3 ? usage() : show(call("POST", "/admin/erp/shipments", shipment(args).toString()));
                case "journal" -> show(call("POST", "/admin/accounting/journal", null));
                default -> usage();
            };
        } catch (HubRefused e) {
            out.println("refused: " + e.getMessage());
            return 1;
        } catch (UnreadableFile e) {
            out.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("cannot reach the hub at " + base + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int replay(String id, String file) throws IOException, InterruptedException {
        String corrected = null;
        if (file != null) {
            // Read before calling: a file the shell cannot give us is the caller's mistake, not the hub's absence.
            try {
                corrected = Files.readString(Path.of(file));
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw new UnreadableFile("cannot read " + file + ": " + describe(e));
            }
        }
        return show(call("POST", "/admin/failures/" + id + "/replay", corrected));
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.charset.MalformedInputException) {
            return "not UTF-8 text";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static ObjectNode shipment(List<String> args) {
        ObjectNode request = JSON.createObjectNode().put("erpOrderNumber", args.get(1)).put("carrier", args.get(2));
        if (args.size() > 3) {
            request.put("trackingNumber", args.get(3));
        }
        return request;
    }

    private int status() throws IOException, InterruptedException {
        JsonNode routes = call("GET", "/admin/routes", null);
        out.printf("%-18s %-9s %-20s %-8s %9s %7s %7s %s%n", "ROUTE", "MODE", "SCHEDULE", "STATUS", "PROCESSED", "FAILED", "STAGED", "LAST DRAIN");
        for (JsonNode route : routes) {
            JsonNode last = route.path("lastRun");
            out.printf("%-18s %-9s %-20s %-8s %9d %7d %7d %s%n", route.path("routeId").asText(), route.path("mode").asText(),
                    route.path("cron").asText(), route.path("status").asText(), route.path("processed").asLong(),
                    route.path("failed").asLong(), route.path("staged").asLong(),
                    last.isMissingNode() ? "-" : last.path("at").asText() + " (" + lastRun(last) + ")");
        }
        return 0;
    }

    private static String lastRun(JsonNode last) {
        return last.path("delivered").asInt() > 0 ? last.path("delivered").asInt() + " delivered"
                : last.path("booked").asInt() + " booked, " + last.path("alreadyBooked").asInt() + " already booked";
    }

    private int mode(String routeId, String mode, String cron) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("mode", mode);
        if (cron != null) {
            request.put("cron", cron);
        }
        JsonNode route = call("PUT", "/admin/routes/" + routeId + "/mode", request.toString());
        out.printf("%s is now %s%s%n", route.path("routeId").asText(), route.path("mode").asText(),
                "batch".equals(route.path("mode").asText()) ? " (drained on \"" + route.path("cron").asText() + "\")" : "");
        return 0;
    }

    private int failures(String state) throws IOException, InterruptedException {
        JsonNode failures = call("GET", "/admin/failures?state=" + state, null);
        FailureTable table = new FailureTable(terminalWidth(), java.time.Clock.systemUTC());
        table.print(failures, out);
        out.printf("%d %s failure(s)%n", failures.size(), state);
        return 0;
    }

    /** The terminal's width from $COLUMNS (shells export it to children only sometimes); else 80, a terminal's least. */
    private static int terminalWidth() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80").trim()));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    private int show(JsonNode result) throws IOException {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }

    private int usage() {
        out.print(USAGE);
        return 2;
    }

    private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        if (response.statusCode() >= 400) {
            throw new HubRefused(response.statusCode() + " " + json.path("detail").asText(json.toString()));
        }
        return json;
    }

    /** A file named on the command line could not be read: usage, not the hub. */
    private static final class UnreadableFile extends IOException {
        UnreadableFile(String message) {
            super(message);
        }
    }

    private static final class HubRefused extends IOException {
        HubRefused(String message) {
            super(message);
        }
    }
}
