package org.backofficehub.customer;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.customer.CustomerRecord.SourceRef;
import org.backofficehub.customer.CustomerStore.Ids;
import org.backofficehub.customer.CustomerStore.ResolvedEvent;
import org.backofficehub.customer.CustomerStore.Separation;
import org.backofficehub.store.HubStoreException;

/**
 * Resolves customer records to golden customers, a batch per transaction under the customer
 * master lock. A record already stored (same system and key, same content) changes nothing, so
 * every input can be replayed. A new record is compared with the stored and earlier records it
 * shares a blocking key with; it joins the customer of its strongest match, and a record matching
 * several customers merges them, unless an administrator split them apart. So the customers end up
 * as the connected groups of matching records, whatever order the records came in.
 */
public final class CustomerResolver {

    private static final Map<String, String> KEY_COLUMNS = Map.of("i", "id_key", "e", "email_key", "p", "phone_key", "a", "address_key");

    private final DataSource hubStore;
    private final CustomerStore store = new CustomerStore();
    private final Matcher matcher;
    private final Survivorship survivorship;
    private final String defaultRegion;
    private final Clock clock;

    public CustomerResolver(DataSource hubStore, MatchSettings settings, Clock clock) {
        this.hubStore = hubStore;
        this.matcher = new Matcher(settings.phoneNameThreshold(), settings.addressNameThreshold());
        this.survivorship = new Survivorship(settings.sourcePriority());
        this.defaultRegion = settings.defaultRegion();
        this.clock = clock;
    }

    /** The golden customer id for each touch (null for an order event whose order is unknown). */
    public List<Long> resolveAll(List<CustomerTouch> touches) {
        try (Connection connection = hubStore.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> customers = resolveIn(connection, touches);
                connection.commit();
                return customers;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new HubStoreException("Cannot resolve " + touches.size() + " customer touch(es): " + e.getMessage(), e);
        }
    }

    /**
     * Within the caller's transaction, which the caller commits. Takes the customer master lock; a
     * caller that already holds it (the feed, to read its inbox consistently) just takes it again.
     */
    List<Long> resolveIn(Connection connection, List<CustomerTouch> touches) throws SQLException {
        Ids ids = store.lock(connection);
        Resolution resolution = new Resolution(connection, ids, clock.instant());
        List<LinkedSource> linked = resolution.link(touches);
        resolution.writeSources();
        resolution.refreshGolden();
        List<Long> customers = resolution.recordEvents(touches, linked);
        store.saveIds(connection, resolution.ids);
        return customers;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    /** The state of one batch: candidates by blocking key, and the customers merged so far. */
    private final class Resolution {
        final Connection connection;
        final Instant now;
        Ids ids;
        final Map<Long, Long> mergedInto = new HashMap<>();
        final List<long[]> merges = new ArrayList<>();
        final Map<String, List<LinkedSource>> byBlock = new HashMap<>();
        final List<LinkedSource> inserted = new ArrayList<>();
        final List<LinkedSource> replaced = new ArrayList<>();
        final Set<Long> touched = new LinkedHashSet<>();
        Set<Separation> separations;

        Resolution(Connection connection, Ids ids, Instant now) {
            this.connection = connection;
            this.ids = ids;
            this.now = now;
        }

        /** The source record each touch resolved to (null for touches without a record). */
        List<LinkedSource> link(List<CustomerTouch> touches) throws SQLException {
            Set<SourceRef> refs = new HashSet<>();
            for (CustomerTouch touch : touches) {
                if (touch.record() != null) {
                    refs.add(touch.record().ref());
                }
            }
            Map<SourceRef, LinkedSource> stored = store.byRefs(connection, refs);
            Map<SourceRef, LinkedSource> current = new HashMap<>(stored);
            List<CustomerRecord> toMatch = new ArrayList<>();
            Map<SourceRef, MatchProfile> profiles = new HashMap<>();
            Set<SourceRef> seen = new HashSet<>();
            for (CustomerTouch touch : touches) {
                CustomerRecord record = touch.record();
                if (record == null || !seen.add(record.ref())) {
                    continue;
                }
                LinkedSource existing = stored.get(record.ref());
                if (existing == null || !existing.contentHash().equals(contentHash(record))) {
                    toMatch.add(record);
                    profiles.put(record.ref(), MatchProfile.of(record, defaultRegion));
                }
            }
            if (!toMatch.isEmpty()) {
                loadCandidates(profiles.values());
                separations = store.separations(connection);
                for (CustomerRecord record : toMatch) {
                    current.put(record.ref(), match(record, profiles.get(record.ref()), stored.get(record.ref())));
                }
            }
            List<LinkedSource> linked = new ArrayList<>(touches.size());
            for (CustomerTouch touch : touches) {
                linked.add(touch.record() == null ? null : current.get(touch.record().ref()));
            }
            return linked;
        }

        private void loadCandidates(Collection<MatchProfile> profiles) throws SQLException {
            Map<String, Set<String>> valuesByKind = new HashMap<>();
            for (MatchProfile profile : profiles) {
                for (String blockingKey : profile.blockingKeys()) {
                    valuesByKind.computeIfAbsent(blockingKey.substring(0, 1), k -> new HashSet<>()).add(blockingKey.substring(2));
                }
            }
            Set<Long> loaded = new HashSet<>();
            for (Map.Entry<String, Set<String>> kind : valuesByKind.entrySet()) {
                for (LinkedSource candidate : store.byKey(connection, KEY_COLUMNS.get(kind.getKey()), kind.getValue())) {
                    if (loaded.add(candidate.id())) {
                        index(candidate);
                    }
                }
            }
        }

        private void index(LinkedSource source) {
            for (String blockingKey : source.profile().blockingKeys()) {
                byBlock.computeIfAbsent(blockingKey, k -> new ArrayList<>(2)).add(source);
            }
        }

        private LinkedSource match(CustomerRecord record, MatchProfile profile, LinkedSource previous) {
            Map<Long, MatchRule> matches = new LinkedHashMap<>();
            Map<Long, LinkedSource> matchedSources = new HashMap<>();
            for (String blockingKey : profile.blockingKeys()) {
                for (LinkedSource candidate : byBlock.getOrDefault(blockingKey, List.of())) {
                    if (previous != null && candidate.id() == previous.id() || matches.containsKey(candidate.id())) {
                        continue;
                    }
                    MatchRule rule = matcher.match(profile, candidate.profile());
                    if (rule != null) {
                        matches.put(candidate.id(), rule);
                        matchedSources.put(candidate.id(), candidate);
                    }
                }
            }
            List<Long> strongestFirst = new ArrayList<>(matches.keySet());
            strongestFirst.sort(Comparator.comparing((Long id) -> matches.get(id)).thenComparing(id -> id));
            long customer;
            MatchRule rule;
            Long matchedSource;
            if (previous != null) {
                customer = find(previous.customerId());
                rule = strongestFirst.isEmpty() ? previous.rule() : matches.get(strongestFirst.get(0));
                matchedSource = strongestFirst.isEmpty() ? previous.matchedSource() : strongestFirst.get(0);
            } else if (strongestFirst.isEmpty()) {
                customer = ids.nextCustomer();
                ids = new Ids(customer + 1, ids.nextSource());
                rule = MatchRule.NEW;
                matchedSource = null;
            } else {
                customer = find(matchedSources.get(strongestFirst.get(0)).customerId());
                rule = matches.get(strongestFirst.get(0));
                matchedSource = strongestFirst.get(0);
            }
            for (long candidateId : strongestFirst) {
                long other = find(matchedSources.get(candidateId).customerId());
                if (other != customer && !separated(customer, other)) {
                    customer = union(customer, other);
                }
            }
            long id;
            if (previous != null) {
                id = previous.id();
            } else {
                id = ids.nextSource();
                ids = new Ids(ids.nextCustomer(), id + 1);
            }
            LinkedSource source = new LinkedSource(id, customer, record, profile, rule, matchedSource, contentHash(record), now);
            (previous == null ? inserted : replaced).add(source);
            index(source);
            touched.add(customer);
            return source;
        }

        private boolean separated(long a, long b) {
            return separations.contains(Separation.of(a, b));
        }

        /** The lower id survives, so the older customer keeps its number. */
        private long union(long a, long b) {
            long into = Math.min(a, b);
            long from = Math.max(a, b);
            mergedInto.put(from, into);
            merges.add(new long[] {from, into});
            touched.add(into);
            for (Separation separation : List.copyOf(separations)) {
                if (separation.low() == from || separation.high() == from) {
                    separations.add(Separation.of(separation.low() == from ? into : separation.low(),
                            separation.high() == from ? into : separation.high()));
                }
            }
            return into;
        }

        long find(long customer) {
            Long into = mergedInto.get(customer);
            while (into != null) {
                customer = into;
                into = mergedInto.get(customer);
            }
            return customer;
        }

        void writeSources() throws SQLException {
            for (long[] merge : merges) {
                store.merge(connection, merge[0], merge[1], now);
            }
            store.insertSources(connection, relinked(inserted));
            store.replaceSources(connection, relinked(replaced));
        }

        private List<LinkedSource> relinked(List<LinkedSource> sources) {
            List<LinkedSource> result = new ArrayList<>(sources.size());
            for (LinkedSource source : sources) {
                result.add(source.relinked(find(source.customerId())));
            }
            return result;
        }

        void refreshGolden() throws SQLException {
            Set<Long> survivors = new LinkedHashSet<>();
            touched.forEach(customer -> survivors.add(find(customer)));
            refresh(connection, survivors, now);
        }

        List<Long> recordEvents(List<CustomerTouch> touches, List<LinkedSource> linked) throws SQLException {
            Set<String> aboutOrders = new HashSet<>();
            Set<String> eventKeys = new HashSet<>();
            for (CustomerTouch touch : touches) {
                if (touch.record() == null && touch.orderReference() != null) {
                    aboutOrders.add(touch.orderReference());
                }
                if (touch.event() != null) {
                    eventKeys.add(touch.event().eventKey());
                }
            }
            Map<String, long[]> orders = store.orderEvents(connection, aboutOrders);
            Set<String> recorded = store.existingEventKeys(connection, eventKeys);
            List<ResolvedEvent> events = new ArrayList<>();
            List<Long> customers = new ArrayList<>(touches.size());
            for (int i = 0; i < touches.size(); i++) {
                CustomerTouch touch = touches.get(i);
                long[] customerAndSource = linked.get(i) != null
                        ? new long[] {find(linked.get(i).customerId()), linked.get(i).id()}
                        : orders.get(touch.orderReference());
                if (customerAndSource == null) {
                    customers.add(null);
                    continue;
                }
                customerAndSource[0] = find(customerAndSource[0]);
                customers.add(customerAndSource[0]);
                ContactEvent event = touch.event();
                if (event != null && recorded.add(event.eventKey())) {
                    events.add(new ResolvedEvent(event, customerAndSource[0], customerAndSource[1]));
                    if (ContactEvent.ORDER.equals(event.kind()) && event.reference() != null) {
                        orders.put(event.reference(), customerAndSource.clone());
                    }
                }
            }
            store.insertEvents(connection, events);
            return customers;
        }
    }

    /** Recomputes the golden records of these customers from their stored sources. */
    void refresh(Connection connection, Collection<Long> customers, Instant now) throws SQLException {
        Map<Long, List<LinkedSource>> sourcesByCustomer = new HashMap<>();
        for (LinkedSource source : store.ofCustomers(connection, customers)) {
            sourcesByCustomer.computeIfAbsent(source.customerId(), k -> new ArrayList<>()).add(source);
        }
        Set<Long> existing = store.existingCustomers(connection, customers);
        List<GoldenRecord> inserts = new ArrayList<>();
        List<GoldenRecord> updates = new ArrayList<>();
        for (long customer : customers) {
            List<LinkedSource> sources = sourcesByCustomer.get(customer);
            if (sources == null) {
                continue;
            }
            GoldenRecord golden = survivorship.golden(customer, sources);
            (existing.contains(customer) ? updates : inserts).add(golden);
        }
        store.writeGolden(connection, inserts, updates, now);
    }

    GoldenRecord golden(long customerId, List<LinkedSource> sources) {
        return survivorship.golden(customerId, sources);
    }

    CustomerStore store() {
        return store;
    }

    /**
     * Identifies a record's content, so a changed record is noticed and an unchanged one ignored. The
     * observation time is left out: the same party on a later order is no change.
     */
    static String contentHash(CustomerRecord record) {
        return ContentHash.of(record.name(), record.email(), record.phone(), record.address(), record.identifier());
    }
}
