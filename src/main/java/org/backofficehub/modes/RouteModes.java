package org.backofficehub.modes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.backofficehub.store.HubStoreException;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mode and schedule of every business route, kept in the hub store so they survive restarts,
 * and cached in memory because every message asks. Defaults from configuration apply only to
 * routes the store has never seen; after that the administrator's choice wins.
 */
public final class RouteModes {

    private static final Logger LOG = LoggerFactory.getLogger(RouteModes.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource hubStore;
    private final Clock clock;
    private final Map<String, RouteSettings> current = new ConcurrentHashMap<>();
    private final List<Consumer<RouteSettings>> listeners = new CopyOnWriteArrayList<>();

    public RouteModes(DataSource hubStore, Clock clock) {
        this.hubStore = hubStore;
        this.clock = clock;
    }

    /** Loads the stored settings, first storing the configured defaults of routes not yet known. */
    public void load(List<RouteSettings> defaults) {
        try (Connection connection = hubStore.getConnection()) {
            for (RouteSettings route : defaults) {
                insertIfAbsent(connection, route);
            }
            for (RouteSettings settings : stored(connection)) {
                current.put(settings.routeId(), settings);
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot load route modes: " + e.getMessage(), e);
        }
    }

    /**
     * Takes up what another hub instance on the same hub store changed: a route whose mode or schedule
     * differs from what this instance holds is switched here too, its listeners told as for a change
     * made here. Routes this instance does not have (another configuration's hub.routes) are left out.
     */
    public synchronized void refresh() {
        List<RouteSettings> stored;
        try (Connection connection = hubStore.getConnection()) {
            stored = stored(connection);
        } catch (SQLException e) {
            throw new HubStoreException("Cannot read route modes: " + e.getMessage(), e);
        }
        for (RouteSettings settings : stored) {
            RouteSettings known = current.get(settings.routeId());
            if (known == null) {
                continue;
            }
            current.put(settings.routeId(), settings);
            if (known.mode() != settings.mode() || !known.cron().equals(settings.cron())) {
                LOG.info("{} switched to {} on '{}' by {} on another hub instance", settings.routeId(), settings.mode().code(),
                        settings.cron(), settings.changedBy());
                listeners.forEach(listener -> listener.accept(settings));
            }
        }
    }

    private static List<RouteSettings> stored(Connection connection) throws SQLException {
        List<RouteSettings> stored = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT route_id, mode, cron, changed_at, changed_by FROM route_mode")) {
            while (rs.next()) {
                stored.add(new RouteSettings(rs.getString(1), RouteMode.parse(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)));
            }
        }
        return stored;
    }

    public List<RouteSettings> all() {
        List<RouteSettings> all = new ArrayList<>(current.values());
        all.sort(Comparator.comparing(RouteSettings::routeId));
        return all;
    }

    public RouteSettings get(String routeId) {
        RouteSettings settings = current.get(routeId);
        if (settings == null) {
            throw new UnknownRouteException(routeId);
        }
        return settings;
    }

    public boolean has(String routeId) {
        return current.containsKey(routeId);
    }

    /** A route without a mode (not in hub.routes) always runs in real time. */
    public boolean inBatchMode(String routeId) {
        RouteSettings settings = current.get(routeId);
        return settings != null && settings.mode() == RouteMode.BATCH;
    }

    /**
     * Changes a route's mode and schedule, durably, then tells the scheduler. A cron Quartz would
     * refuse to schedule (one that never fires, such as the 30th of February) is refused here, before
     * anything is stored; and should the scheduler refuse the change all the same, the stored and
     * scheduled settings go back to what they were, so the console never shows a mode the route is not in.
     */
    public synchronized RouteSettings change(String routeId, RouteMode mode, String cron, String changedBy) {
        RouteSettings before = get(routeId);
        String newCron = cron == null || cron.isBlank() ? before.cron() : cron.trim();
        checkFires(newCron);
        RouteSettings after = new RouteSettings(routeId, mode, newCron, clock.instant(), changedBy);
        store(after);
        try {
            listeners.forEach(listener -> listener.accept(after));
        } catch (RuntimeException refused) {
            store(before);
            try {
                listeners.forEach(listener -> listener.accept(before));
            } catch (RuntimeException again) {
                refused.addSuppressed(again);
            }
            throw new IllegalArgumentException("Cannot switch " + routeId + " to " + mode.code() + " on '" + newCron + "': "
                    + refused.getMessage(), refused);
        }
        return after;
    }

    private void checkFires(String cron) {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression (seconds minutes hours day month weekday)");
        }
        try {
            if (new CronExpression(cron).getNextValidTimeAfter(java.util.Date.from(clock.instant())) == null) {
                throw new IllegalArgumentException("'" + cron + "' never fires");
            }
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("'" + cron + "' is not a Quartz cron expression: " + e.getMessage(), e);
        }
    }

    private void store(RouteSettings settings) {
        try (Connection connection = hubStore.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE route_mode SET mode = ?, cron = ?, changed_at = ?, changed_by = ? WHERE route_id = ?")) {
            update.setString(1, settings.mode().code());
            update.setString(2, settings.cron());
            update.setTimestamp(3, Timestamp.from(settings.changedAt()));
            update.setString(4, settings.changedBy());
            update.setString(5, settings.routeId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new HubStoreException("Cannot change the mode of " + settings.routeId() + ": " + e.getMessage(), e);
        }
        current.put(settings.routeId(), settings);
    }

    public void onChange(Consumer<RouteSettings> listener) {
        listeners.add(listener);
    }

    private void insertIfAbsent(Connection connection, RouteSettings route) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO route_mode (route_id, mode, cron, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, route.routeId());
            insert.setString(2, route.mode().code());
            insert.setString(3, route.cron());
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setString(5, route.changedBy());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
