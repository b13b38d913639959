package org.backofficehub.erp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.backofficehub.model.OrderStatus;

/**
 * How the hub talks to the ERP, read once at start-up from {@code config/erp/<profile>.properties}:
 * the named SQL statements for a database ERP ({@link ErpStatement}), the ERP's order status codes
 * ({@code status.<code> = BOOKED|SHIPPED|INVOICED|CANCELLED}), the Flyway locations that create
 * its tables where the hub may ({@code migrations}), and whether orders go to the ERP's tables or
 * as files ({@code connector}, with the file layout and where files go: {@code file.*}). A profile
 * may extend another ({@code extends = demo}) and change only what differs. Every key can be overridden as {@code hub.erp.<key>} like every
 * other setting (HUB_ERP_ORDER_INSERT=...); an empty override removes an optional statement.
 * A profile that cannot work stops the hub at start, naming the file and the statement.
 */
public final class ErpProfile {

    public enum Connector { DATABASE, FILE }

    static final String DIRECTORY = "config/erp";
    private static final String OVERRIDE_PREFIX = "hub.erp.";
    private static final Set<String> SETTINGS = Set.of("connector", "migrations");
    private static final String EXTENDS = "extends";
    /** The file connector's settings: which it needs, and the defaults of the rest. */
    private static final Set<String> FILE_REQUIRED = Set.of("file.layout", "file.orders-endpoint", "file.confirmations-endpoint",
            "file.confirmations.columns");
    private static final Map<String, String> FILE_DEFAULTS = Map.of("file.extension", "txt", "file.charset", "UTF-8",
            "file.confirmations.delimiter", ";", "file.confirmations.header", "false");
    private static final String STATUS_PREFIX = "status.";
    private static final String FILE_PREFIX = "file.";

    private final String name;
    private final Path file;
    private final Connector connector;
    private final List<String> migrations;
    private final Map<ErpStatement, NamedSql> statements;
    private final Map<String, OrderStatus> statusCodes;
    private final Map<String, String> fileSettings;

    private ErpProfile(String name, Path file, Connector connector, List<String> migrations, Map<ErpStatement, NamedSql> statements,
                       Map<String, OrderStatus> statusCodes, Map<String, String> fileSettings) {
        this.name = name;
        this.file = file;
        this.connector = connector;
        this.migrations = List.copyOf(migrations);
        this.statements = statements;
        this.statusCodes = Map.copyOf(statusCodes);
        this.fileSettings = Map.copyOf(fileSettings);
    }

    /**
     * @param profile   a profile's name ({@code demo}: config/erp/demo.properties) or the path of a profile file
     * @param overrides the hub's settings ({@code hub.erp.<key>}), null where unset
     */
    public static ErpProfile load(String profile, UnaryOperator<String> overrides) {
        String trimmed = profile.trim();
        Path file = trimmed.endsWith(".properties") ? Path.of(trimmed) : Path.of(DIRECTORY, trimmed + ".properties");
        if (!Files.isRegularFile(file)) {
            throw new ErpProfileException("ERP profile '" + trimmed + "' (hub.erp.profile) not found: no file " + file.toAbsolutePath()
                    + available());
        }
        return read(file, overrides);
    }

    static ErpProfile read(Path file, UnaryOperator<String> overrides) {
        Properties properties = withParents(file, new ArrayList<>());
        String where = "ERP profile " + file + ": ";
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (!known(key)) {
                throw new ErpProfileException(where + "unknown key '" + key + "'; a profile declares the statements "
                        + Arrays.stream(ErpStatement.values()).map(ErpStatement::key).collect(Collectors.joining(", "))
                        + ", and extends, connector, migrations, status.<code>, " + new TreeSet<>(FILE_REQUIRED) + ", "
                        + new TreeSet<>(FILE_DEFAULTS.keySet()));
            }
            values.put(key, properties.getProperty(key).trim());
        }
        for (String key : overridable(values.keySet())) {
            String override = overrides.apply(OVERRIDE_PREFIX + key);
            if (override != null) {
                values.put(key, override.trim());
            }
        }
        values.values().removeIf(String::isEmpty);

        Connector connector = connector(where, values.getOrDefault("connector", "database"));
        Map<ErpStatement, NamedSql> statements = new EnumMap<>(ErpStatement.class);
        for (ErpStatement statement : ErpStatement.values()) {
            String sql = values.get(statement.key());
            if (sql != null) {
                statements.put(statement, parsed(where, statement, sql));
            } else if (statement.required() && connector == Connector.DATABASE) {
                throw new ErpProfileException(where + "the statement " + statement.key() + " is missing; a database ERP's profile"
                        + " needs " + Arrays.stream(ErpStatement.values()).filter(ErpStatement::required).map(ErpStatement::key)
                        .collect(Collectors.joining(", ")));
            }
        }
        checkTogether(where, statements);
        Map<String, OrderStatus> statusCodes = new LinkedHashMap<>();
        Map<String, String> fileSettings = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(STATUS_PREFIX)) {
                statusCodes.put(key.substring(STATUS_PREFIX.length()), status(where, key, value));
            } else if (key.startsWith(FILE_PREFIX)) {
                fileSettings.put(key, value);
            }
        });
        if (connector == Connector.FILE) {
            for (String required : new TreeSet<>(FILE_REQUIRED)) {
                if (!fileSettings.containsKey(required)) {
                    throw new ErpProfileException(where + "the file connector needs " + required
                            + " (file.layout, file.orders-endpoint, file.confirmations-endpoint, file.confirmations.columns)");
                }
            }
            FILE_DEFAULTS.forEach(fileSettings::putIfAbsent);
        }
        if (statusCodes.isEmpty() && statements.containsKey(ErpStatement.ORDER_READ)) {
            throw new ErpProfileException(where + "no status codes: say what the ERP's order statuses mean, e.g. status.OP = BOOKED");
        }
        List<String> migrations = Arrays.stream(values.getOrDefault("migrations", "").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        String name = file.getFileName().toString().replaceFirst("\\.properties$", "");
        return new ErpProfile(name, file, connector, migrations, statements, statusCodes, fileSettings);
    }

    /**
     * The profile's keys on top of those of the profile it extends ({@code extends = demo}: the demo
     * ERP's statements, changed only where this one says so; an empty value takes one out).
     */
    private static Properties withParents(Path file, List<Path> seen) {
        if (seen.contains(file.toAbsolutePath().normalize())) {
            throw new ErpProfileException("ERP profile " + file + " extends itself (through " + seen + ")");
        }
        seen.add(file.toAbsolutePath().normalize());
        Properties own = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            own.load(reader);
        } catch (IOException e) {
            throw new ErpProfileException("Cannot read ERP profile " + file + ": " + e.getMessage(), e);
        }
        String parent = own.getProperty(EXTENDS);
        if (parent == null || parent.isBlank()) {
            return own;
        }
        own.remove(EXTENDS);
        String parentName = parent.trim().endsWith(".properties") ? parent.trim() : parent.trim() + ".properties";
        // Beside the profile, else among the shipped ones: an operator's own file may extend demo from anywhere.
        Path parentFile = Files.isRegularFile(file.resolveSibling(parentName)) ? file.resolveSibling(parentName)
                : Path.of(DIRECTORY, parentName);
        if (!Files.isRegularFile(parentFile)) {
            throw new ErpProfileException("ERP profile " + file + " extends " + parent.trim() + ", but there is no " + parentFile);
        }
        Properties merged = withParents(parentFile, seen);
        merged.putAll(own);
        return merged;
    }

    private static boolean known(String key) {
        return ErpStatement.byKey(key) != null || SETTINGS.contains(key) || key.startsWith(STATUS_PREFIX) && key.length() > STATUS_PREFIX.length()
                || FILE_REQUIRED.contains(key) || FILE_DEFAULTS.containsKey(key);
    }

    /** The keys an operator can override: every statement and setting, and the status codes and file settings the profile has. */
    private static Set<String> overridable(Set<String> inFile) {
        Set<String> keys = new TreeSet<>(inFile);
        Arrays.stream(ErpStatement.values()).map(ErpStatement::key).forEach(keys::add);
        keys.addAll(SETTINGS);
        keys.addAll(FILE_REQUIRED);
        keys.addAll(FILE_DEFAULTS.keySet());
        return keys;
    }

    private static NamedSql parsed(String where, ErpStatement statement, String sql) {
        NamedSql parsed;
        try {
            parsed = NamedSql.parse(statement.key(), sql);
        } catch (IllegalArgumentException e) {
            throw new ErpProfileException(where + e.getMessage(), e);
        }
        for (String parameter : parsed.parameterNames()) {
            if (!statement.parameters().contains(parameter)) {
                throw new ErpProfileException(where + "the statement " + statement.key() + " uses the parameter :" + parameter
                        + ", which it does not have; it has " + (statement.parameters().isEmpty() ? "none"
                        : new TreeSet<>(statement.parameters()).stream().map(p -> ":" + p).collect(Collectors.joining(", "))));
            }
        }
        return parsed;
    }

    /** Statements that only work together, and numbers that must exist before they are used. */
    private static void checkTogether(String where, Map<ErpStatement, NamedSql> statements) {
        requireWith(where, statements, ErpStatement.STOCK_ALLOCATE, ErpStatement.STOCK_FREE,
                "it tells an unknown item from one out of stock when an allocation is refused");
        requireWith(where, statements, ErpStatement.CONFIRMATIONS_POLL, ErpStatement.CONFIRMATIONS_TAKEN,
                "it marks a confirmation as taken");
        requireWith(where, statements, ErpStatement.CONFIRMATIONS_TAKEN, ErpStatement.CONFIRMATIONS_POLL, "it finds the confirmations");
        requireWith(where, statements, ErpStatement.WAREHOUSE_SHIP, ErpStatement.WAREHOUSE_SHIPMENT, "it records the shipment");
        requireWith(where, statements, ErpStatement.WAREHOUSE_SHIPMENT, ErpStatement.WAREHOUSE_SHIP, "it finds the order to ship");
        boolean numberedFirst = statements.containsKey(ErpStatement.ORDER_NUMBER);
        NamedSql insert = statements.get(ErpStatement.ORDER_INSERT);
        if (insert != null && insert.uses("erpOrderNumber") && !numberedFirst) {
            throw new ErpProfileException(where + "order.insert uses :erpOrderNumber, which only order.number can give before the"
                    + " order is inserted; without order.number the hub reads the number back with order.find after the insert");
        }
        NamedSql line = statements.get(ErpStatement.LINE_INSERT);
        if (line != null && line.uses("erpOrderNumber") && !numberedFirst && insert == null) {
            throw new ErpProfileException(where + "line.insert uses :erpOrderNumber, but nothing gives the number before the lines:"
                    + " declare order.insert (the number is then read back with order.find) or order.number");
        }
    }

    private static void requireWith(String where, Map<ErpStatement, NamedSql> statements, ErpStatement present, ErpStatement needed,
                                    String why) {
        if (statements.containsKey(present) && !statements.containsKey(needed)) {
            throw new ErpProfileException(where + present.key() + " needs " + needed.key() + ": " + why);
        }
    }

    private static Connector connector(String where, String value) {
        try {
            return Connector.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErpProfileException(where + "connector is database (the ERP's tables) or file (files the ERP imports), not '"
                    + value + "'");
        }
    }

    private static OrderStatus status(String where, String key, String value) {
        try {
            return OrderStatus.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ErpProfileException(where + key + " is " + value + "; an ERP status means one of "
                    + Arrays.toString(OrderStatus.values()));
        }
    }

    private static String available() {
        try (var files = Files.list(Path.of(DIRECTORY))) {
            List<String> names = new ArrayList<>(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList());
            return names.isEmpty() ? "" : "; profiles in " + DIRECTORY + ": " + String.join(", ", names);
        } catch (IOException e) {
            return "";
        }
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    public Connector connector() {
        return connector;
    }

    /** Flyway locations creating the ERP's tables (the demo's, or a test's); empty for a real ERP's profile. */
    public List<String> migrations() {
        return migrations;
    }

    public boolean has(ErpStatement statement) {
        return statements.containsKey(statement);
    }

    public Optional<NamedSql> optional(ErpStatement statement) {
        return Optional.ofNullable(statements.get(statement));
    }

    /** A statement the profile declares (every required one does, once loaded). */
    public NamedSql statement(ErpStatement statement) {
        NamedSql sql = statements.get(statement);
        if (sql == null) {
            throw new ErpProfileException("ERP profile " + file + " has no statement " + statement.key());
        }
        return sql;
    }

    /** What the ERP's order status code means; a code the profile does not list is an error worth reading. */
    public OrderStatus status(String code) {
        OrderStatus status = code == null ? null : statusCodes.get(code.trim());
        if (status == null) {
            throw new ErpProfileException("ERP profile " + file + " does not say what the ERP's order status '" + code
                    + "' means; add status." + (code == null ? "<code>" : code.trim()) + " = BOOKED|SHIPPED|INVOICED|CANCELLED");
        }
        return status;
    }

    /** A {@code file.*} setting of the file connector (with its default), or null. */
    public String fileSetting(String key) {
        return fileSettings.get(key);
    }

    @Override
    public String toString() {
        return "ERP profile " + name + " (" + file + ")";
    }
}
