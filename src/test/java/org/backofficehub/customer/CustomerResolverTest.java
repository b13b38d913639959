package org.backofficehub.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.backofficehub.batch.DrainWindow;
import org.backofficehub.support.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The resolver on a real database: match quality on a generated set with known duplicates, and
 * the same customers whatever the order, however often, and however many consumers at once.
 */
class CustomerResolverTest {

    private static final int RECORDS = 6000;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void generatedDuplicatesAreFoundWithHighPrecisionAndRecall(TestDatabase database) throws Exception {
        List<CustomerDataGenerator.Generated> generated = new CustomerDataGenerator(7).generate(RECORDS, 0.3);
        try (HikariDataSource store = database.newMigratedDataSource("customers", "db/hub")) {
            resolveInChunks(resolver(store), records(generated), 500);
            LinkageQuality quality = new LinkageQuality();
            Map<String, Integer> truth = new HashMap<>();
            generated.forEach(g -> truth.put(g.customerNumber(), g.entity()));
            for (Map.Entry<String, Long> link : links(store).entrySet()) {
                quality.add(link.getValue(), truth.get(link.getKey()));
            }
            System.out.println("Generated set of " + RECORDS + " on " + database + ": " + quality);
            assertThat(quality.precision()).isGreaterThanOrEqualTo(0.995);
            assertThat(quality.recall()).isGreaterThanOrEqualTo(0.95);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anyOrderAnyRepetitionAndConcurrentConsumersGiveTheSameCustomers(TestDatabase database) throws Exception {
        List<CustomerRecord> records = records(new CustomerDataGenerator(11).generate(2000, 0.3));
        Set<Set<String>> inOrder;
        try (HikariDataSource store = database.newMigratedDataSource("customers_ordered", "db/hub")) {
            resolveInChunks(resolver(store), records, 200);
            inOrder = partition(links(store));
            long sources = count(store, "customer_source");
            resolveInChunks(resolver(store), records, 300);
            assertThat(count(store, "customer_source")).as("a replay adds no source record").isEqualTo(sources);
            assertThat(partition(links(store))).isEqualTo(inOrder);
        }
        List<CustomerRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));
        try (HikariDataSource store = database.newMigratedDataSource("customers_concurrent", "db/hub")) {
            CustomerResolver resolver = resolver(store);
            ExecutorService consumers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int consumer = 0; consumer < 4; consumer++) {
                List<CustomerRecord> mine = new ArrayList<>(shuffled);
                Collections.shuffle(mine, new Random(consumer));
                done.add(consumers.submit(() -> resolveInChunks(resolver, mine, 150)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            consumers.shutdown();
            assertThat(count(store, "customer_source")).isEqualTo(records.size());
            assertThat(partition(links(store))).as("shuffled, four consumers at once, each delivering everything").isEqualTo(inOrder);
            long active = countWhere(store, "customer", "merged_into IS NULL");
            assertThat(active).isEqualTo(inOrder.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theFeedHoldsOffWhileADrainRunsAndCatchesUpAfterwards(TestDatabase database) throws Exception {
        try (HikariDataSource store = database.newMigratedDataSource("customers_feed", "db/hub")) {
            DrainWindow drains = new DrainWindow();
            CustomerFeed feed = new CustomerFeed(store, resolver(store), new ObjectMapper().findAndRegisterModules(), 100,
                    Clock.systemUTC(), drains::isOpen);
            DrainWindow.Held drain = drains.open();
            feed.enqueue(records(new CustomerDataGenerator(5).generate(20, 0.3)).stream().map(CustomerTouch::of).toList());
            assertThat(feed.goOn(null)).as("the feed's route takes no batch while a drain books").isFalse();
            assertThat(feed.pending()).isEqualTo(20);
            assertThat(count(store, "customer_source")).isZero();

            drain.close();

            // As the customer-feed route does: batch after batch while there are touches.
            Integer resolved = null;
            while (feed.goOn(resolved)) {
                resolved = feed.resolvePending();
            }
            assertThat(feed.pending()).isZero();
            assertThat(count(store, "customer_source")).isEqualTo(20);
        }
    }

    private static CustomerResolver resolver(HikariDataSource store) {
        return new CustomerResolver(store, MatchSettings.defaults(), Clock.systemUTC());
    }

    private static List<CustomerRecord> records(List<CustomerDataGenerator.Generated> generated) {
        return generated.stream().map(GeneratedRecords::erpRecord).toList();
    }

    private static void resolveInChunks(CustomerResolver resolver, List<CustomerRecord> records, int chunk) {
        for (int from = 0; from < records.size(); from += chunk) {
            resolver.resolveAll(records.subList(from, Math.min(records.size(), from + chunk)).stream().map(CustomerTouch::of).toList());
        }
    }

    private static Map<String, Long> links(HikariDataSource store) throws Exception {
        Map<String, Long> links = new HashMap<>();
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT source_key, customer_id FROM customer_source")) {
            while (rs.next()) {
                links.put(rs.getString(1), rs.getLong(2));
            }
        }
        return links;
    }

    /** The customers as sets of source keys: ids differ with arrival order, the grouping must not. */
    private static Set<Set<String>> partition(Map<String, Long> links) {
        Map<Long, Set<String>> groups = new HashMap<>();
        links.forEach((key, customer) -> groups.computeIfAbsent(customer, c -> new HashSet<>()).add(key));
        return new HashSet<>(groups.values());
    }

    private static long count(HikariDataSource store, String table) throws Exception {
        return countWhere(store, table, "1 = 1");
    }

    private static long countWhere(HikariDataSource store, String table, String condition) throws Exception {
        try (Connection connection = store.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + condition)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
