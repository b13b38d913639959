package org.backofficehub.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedWriter;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.backofficehub.config.Databases;
import org.backofficehub.config.Databases.DatabaseSettings;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.customer.CustomerDataGenerator;
import org.backofficehub.customer.CustomerImport;
import org.backofficehub.customer.CustomerResolver;
import org.backofficehub.customer.LinkageQuality;
import org.backofficehub.customer.MatchSettings;

/**
 * The customer master's benchmark (run by {@code bench/run customers}): an ERP customer export of
 * 1,000,000 generated records, 30 % of them duplicates, imported into an empty customer master on
 * H2 and on PostgreSQL; reports the time, the peak heap and precision/recall against the truth.
 */
public final class CustomerBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));
        int records = Integer.parseInt(System.getProperty("bench.customers", "1000000"));
        int chunk = Integer.parseInt(System.getProperty("bench.customer-chunk", "2000"));
        List<String> databases = List.of(System.getProperty("bench.databases", "h2,postgres").split(","));

        Path export = Files.createTempFile("customer-export-", ".csv");
        int[] truth = new int[records];
        long generation = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(export, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                     .setHeader("customer_number", "name", "email", "phone", "street", "city", "postal_code", "country", "gln").get())) {
            new CustomerDataGenerator(20261123).generate(records, 0.3, g -> {
                truth[Integer.parseInt(g.customerNumber()) - 1_000_000] = g.entity();
                try {
                    csv.printRecord(g.customerNumber(), g.name(), g.email(), g.phone(), g.street(), g.city(), g.postalCode(), g.country(), g.gln());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        System.out.printf("Generated %,d records (%,d MB) in %.1f s%n", records, Files.size(export) >> 20, (System.nanoTime() - generation) / 1e9);

        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            List<double[]> results = new ArrayList<>();
            try (EmbeddedPostgres postgres = "postgres".equals(database) ? EmbeddedPostgres.builder().start() : null) {
                for (int run = 1; run <= runs; run++) {
                    double[] result = runOnce(database, postgres, run, export, chunk, truth);
                    System.out.printf("%s run %d: %.1f s, %,.0f records/s, peak heap %.0f MB, precision %.4f, recall %.4f%n",
                            database, run, result[0], records / result[0], result[1], result[2], result[3]);
                    results.add(result);
                }
            }
            rows.add(String.format("| %s | %,d | %.1f | %,.0f | %.0f | %.2f %% | %.2f %% |", database, records, median(results, 0),
                    records / median(results, 0), median(results, 1), 100 * median(results, 2), 100 * median(results, 3)));
        }
        Files.delete(export);
        System.out.println();
        System.out.printf("Medians of %d runs, each into an empty customer master; JVM -Xmx%d MB%n%n", runs,
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| database | records | import s | records/s | peak heap MB | precision | recall |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private static double[] runOnce(String database, EmbeddedPostgres postgres, int run, Path export, int chunk, int[] truth) throws Exception {
        Path dataDir = Files.createTempDirectory("hub-customer-bench-");
        String url = "";
        String user = "sa";
        if (postgres != null) {
            String name = "customers_" + run;
            try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
            url = postgres.getJdbcUrl("postgres", name);
            user = "postgres";
        } else if (!System.getProperty("bench.h2-options", "").isEmpty()) {
            url = Databases.embeddedUrl(new DataDirectory(dataDir), "hub") + System.getProperty("bench.h2-options");
        }
        try (HikariDataSource hubStore = Databases.open("hub", new DatabaseSettings(url, user, "", 4), new DataDirectory(dataDir))) {
            Databases.migrate(hubStore, "classpath:db/hub");
            for (String index : System.getProperty("bench.drop-indexes", "").split(",")) {
                if (!index.isBlank()) {
                    try (Connection c = hubStore.getConnection(); Statement st = c.createStatement()) {
                        st.execute("DROP INDEX " + index);
                    }
                }
            }
            CustomerImport importer = new CustomerImport(new CustomerResolver(hubStore, MatchSettings.defaults(), Clock.systemUTC()),
                    null, null, chunk, Clock.systemUTC());
            System.gc();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
                importer.importExport(reader);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double peakHeapMb = heapPools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / 1048576.0;
            LinkageQuality quality = new LinkageQuality();
            try (Connection connection = hubStore.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT source_key, customer_id FROM customer_source")) {
                while (rs.next()) {
                    quality.add(rs.getLong(2), truth[Integer.parseInt(rs.getString(1)) - 1_000_000]);
                }
            }
            return new double[] {seconds, peakHeapMb, quality.precision(), quality.recall()};
        } finally {
            // A million customers take gigabytes of H2 file; a series of runs would fill the disk.
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static double median(List<double[]> results, int column) {
        double[] values = results.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
