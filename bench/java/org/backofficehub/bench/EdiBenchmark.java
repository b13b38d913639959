package org.backofficehub.bench;

import com.zaxxer.hikari.HikariDataSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.backofficehub.edi.intake.HeldOrders;
import org.backofficehub.store.FailureLog;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.backofficehub.store.DataDirectory;
import org.backofficehub.edi.reading.EdiEngines;
import org.backofficehub.edi.reading.SmooksEdifact;
import org.backofficehub.edi.EdiStandard;
import org.backofficehub.edi.partners.PartnerProfile;
import org.backofficehub.edi.reading.InterchangeReader;
import org.backofficehub.edi.partners.InterchangeRegistry;
import org.backofficehub.edi.writing.Outbox;
import org.backofficehub.edi.partners.PartnerProfiles;
import org.backofficehub.edi.partners.StoredControlNumbers;
import org.backofficehub.edi.reading.TransactionSchemas;
import org.backofficehub.support.DemoErp;
import org.backofficehub.support.EdiInterchangeGenerator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.backofficehub.api.InputSizeLimit;
import org.backofficehub.edi.intake.EdiIntake;
import org.backofficehub.edi.writing.DrainedOrderResponses;
import org.backofficehub.model.Order;
import org.backofficehub.model.OrderAnswer;
import org.backofficehub.support.RouteFiles;
import org.backofficehub.support.SharedSmooksCompilations;
import org.backofficehub.support.TestDatabase;

/**
 * The EDI benchmark (run by {@code bench/run edi}): on generated interchanges of 20,000 EDIFACT
 * ORDERS and 20,000 X12 850s, the hub's EDI pipeline (StAEDI with the hub's implementation
 * guides, translation to canonical orders, acknowledgement) against StAEDI's raw event parse of
 * the same file, alternating, in one JVM; the Smooks engine on the same EDIFACT file; then the
 * hub's pipeline over a 1 GB interchange in a JVM limited to 256 MB of heap.
 */
public final class EdiBenchmark {

    private static final int WARM_UPS = 3;

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("heap-probe")) {
            heapProbe(Path.of(args[1]));
            return;
        }
        int runs = Integer.parseInt(System.getProperty("bench.runs", "5"));
        long messages = Long.parseLong(System.getProperty("bench.edi-messages", "20000"));
        long heapFileBytes = Long.parseLong(System.getProperty("bench.edi-heap-bytes", String.valueOf(1L << 30)));
        Path dir = Files.createDirectories(Path.of("target/bench-edi"));

        List<String> rows = new ArrayList<>();
        for (String standard : List.of("EDIFACT ORDERS", "X12 850")) {
            Path file = dir.resolve(standard.startsWith("X12") ? "bench-850.edi" : "bench-orders.edi");
            long size = standard.startsWith("X12") ? EdiInterchangeGenerator.x12(file, 9001, messages)
                    : EdiInterchangeGenerator.edifact(file, "BENCH0001", messages);
            // Each path three times before measuring: StAEDI's lexer runs a third faster once fully compiled.
            for (int warmUp = 0; warmUp < WARM_UPS; warmUp++) {
                rawParse(file, false);
                rawParse(file, true);
                hubPipeline(file);
            }
            List<Double> raw = new ArrayList<>();
            List<Double> rawValidating = new ArrayList<>();
            List<Double> hub = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                raw.add(rate(messages, rawParse(file, false)));
                rawValidating.add(rate(messages, rawParse(file, true)));
                hub.add(rate(messages, hubPipeline(file)));
                System.out.printf("%s run %d: raw %,.0f msg/s, raw with the hub's schemas %,.0f msg/s, hub %,.0f msg/s%n", standard,
                        run + 1, raw.get(run), rawValidating.get(run), hub.get(run));
            }
            double hubMedian = median(hub);
            rows.add(String.format("| %s | %,d | %.1f | %,.0f | %,.0f | %,.0f | %.2f | %.2f |", standard, messages, size / 1e6,
                    median(raw), median(rawValidating), hubMedian, hubMedian / median(raw), hubMedian / median(rawValidating)));
        }
        String smooksRow = null;
        if (Boolean.parseBoolean(System.getProperty("bench.smooks", "true"))) {
            Path file = dir.resolve("bench-orders.edi");
            EdiInterchangeGenerator.edifact(file, "BENCH0001", messages);
            // Warm-up on a sample: loads the cached DFDL compilation (or compiles it, 20-30 s, the first time).
            hubPipeline(Path.of("edi-samples/edifact/orders-d96a-eancom.edi"), PartnerProfile.SMOOKS);
            double smooks = rate(messages, hubPipeline(file, PartnerProfile.SMOOKS));
            // The StAEDI engine as measured above is warm; after Smooks' run it is measured again, median of three.
            List<Double> staediRuns = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                staediRuns.add(rate(messages, hubPipeline(file, PartnerProfile.STAEDI)));
            }
            double staedi = median(staediRuns);
            System.out.printf("Smooks engine: %,.0f msg/s; StAEDI engine in the same JVM right after: %s msg/s, median %,.0f%n", smooks,
                    staediRuns.stream().map(rate -> String.format("%,.0f", rate)).toList(), staedi);
            smooksRow = String.format("| EDIFACT ORDERS | %,d | Smooks engine %,.1f msg/s | StAEDI engine %,.0f msg/s | StAEDI / Smooks %.0f× |",
                    messages, smooks, staedi, staedi / smooks);
        }
        System.out.println();
        if (smooksRow != null) {
            System.out.println("| interchange | messages | hub with Smooks | hub with StAEDI | ratio |");
            System.out.println("|---|---:|---:|---:|---:|");
            System.out.println(smooksRow);
            System.out.println();
        }
        System.out.printf("Medians of %d alternating runs, after %d warm-ups each%n%n", runs, WARM_UPS);
        System.out.println("| interchange | messages | MB | raw StAEDI parse msg/s | raw StAEDI parse with the hub's schemas msg/s"
                + " | hub EDI → canonical msg/s | hub / raw | hub / raw with schemas |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);

        if (heapFileBytes > 0) {
            Path big = dir.resolve("bench-1gb-orders.edi");
            long bigMessages = heapFileBytes / 580; // about 580 bytes per generated message
            long bigSize = EdiInterchangeGenerator.edifact(big, "BENCH1GB", bigMessages);
            ProcessBuilder probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), EdiBenchmark.class.getName(),
                    "heap-probe", big.toString()).inheritIO();
            int exit = probe.start().waitFor();
            System.out.printf("%n1 GB interchange: %,d bytes, %,d ORDERS messages, probe exit code %d%n", bigSize, bigMessages, exit);
            Files.delete(big);
        }
    }

    /**
     * StAEDI's event parse with its envelope validation and nothing else; with {@code validating},
     * each message is also checked against the hub's implementation guide, as the hub does. The
     * bytes are decoded as the hub decodes them: the generated EDIFACT says UNOC (ISO 8859-1), X12
     * is read as UTF-8.
     */
    static long rawParse(Path file, boolean validating) throws Exception {
        TransactionSchemas schemas = new TransactionSchemas();
        schemas.guide(EdiStandard.EDIFACT, "ORDERS", "D96A");
        String encoding;
        try (InputStream head = Files.newInputStream(file)) {
            encoding = new String(head.readNBytes(3), java.nio.charset.StandardCharsets.US_ASCII).equals("UNA") ? "ISO-8859-1" : "UTF-8";
        }
        long start = System.nanoTime();
        long transactions = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in, encoding);
            boolean header = false;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                if (event == EDIStreamEvent.START_TRANSACTION) {
                    transactions++;
                    header = validating;
                } else if (event == EDIStreamEvent.END_SEGMENT && header) {
                    // The guide of the message's version, as the hub chooses it: X12 [agency, version], EDIFACT [agency, D, 96A, ...].
                    String[] version = reader.getTransactionVersion();
                    reader.setTransactionSchema(schemas.find(EdiStandard.valueOf(reader.getStandard()), reader.getTransactionType(),
                            version.length > 2 ? version[1] + version[2] : version[version.length - 1]));
                    header = false;
                }
            }
            reader.close();
        }
        if (transactions == 0) {
            throw new IllegalStateException("nothing parsed");
        }
        return System.nanoTime() - start;
    }

    static long hubPipeline(Path file) throws Exception {
        return hubPipeline(file, PartnerProfile.STAEDI);
    }

    /**
     * The hub's path for an inbox EDI file, minus booking: the EDI route (routes/edi-interchanges.camel.yaml)
     * validating, translating and acknowledging with the given engine, its orders staged in memory.
     */
    static long hubPipeline(Path file, String engine) throws Exception {
        Path work = Files.createTempDirectory("bench-edi-");
        try (HikariDataSource hubStore = TestDatabase.H2.newMigratedDataSource("hub", "db/hub");
             HikariDataSource erp = TestDatabase.H2.newMigratedDataSource("erp", "db/erp");
             CamelContext camel = ediRoute(hubStore, erp, work, engine)) {
            AtomicLong orders = new AtomicLong();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:accept-orders").process(exchange -> {
                        List<?> delivered = exchange.getMessage().getBody(List.class);
                        orders.addAndGet(delivered.size());
                        exchange.getMessage().setBody(delivered.stream().map(o -> OrderAnswer.staged((Order) o, "bench")).toList());
                    });
                }
            });
            long start = System.nanoTime();
            camel.createProducerTemplate().sendBodyAndHeaders("direct:receive-edi-file", null, Map.of(
                    Exchange.FILE_PATH, file.toAbsolutePath().toString(), Exchange.FILE_NAME, file.getFileName().toString(),
                    Exchange.FILE_LENGTH, Files.size(file)));
            long elapsed = System.nanoTime() - start;
            if (orders.get() == 0) {
                throw new IllegalStateException("nothing translated");
            }
            return elapsed;
        }
    }

    /** Shared by every run's routes: their smooks: endpoints load the compiled DFDL schemas once per directory. */
    private static final SharedSmooksCompilations SMOOKS_COMPILATIONS = new SharedSmooksCompilations();

    private static CamelContext ediRoute(HikariDataSource hubStore, HikariDataSource erp, Path work, String engine) {
        PartnerProfiles profiles = PartnerProfiles.load(Path.of("config/partners"), false, "BACKOFFICEHUB",
                key -> key.endsWith(".engine") ? engine : null);
        InterchangeRegistry registry = new InterchangeRegistry(hubStore, Clock.systemUTC());
        Outbox outbox = new Outbox(new DataDirectory(work));
        StoredControlNumbers numbers = new StoredControlNumbers(hubStore);
        return RouteFiles.start(Map.ofEntries(
                Map.entry("itemCatalogue", DemoErp.catalogue(erp, "EUR")),
                Map.entry("heldOrders", new HeldOrders(profiles, new FailureLog(hubStore, Clock.systemUTC()), new ObjectMapper())),
                Map.entry("erpPrecision", org.backofficehub.booking.ErpPrecision.DEMO_ERP),
                Map.entry("ediIntake", new EdiIntake(new InterchangeReader(new TransactionSchemas()), profiles, registry, numbers, outbox,
                        EdiEngines.translators(), Clock.systemUTC(), 1000)),
                Map.entry("ediInputSizeLimit", new InputSizeLimit(Long.MAX_VALUE, "hub.edi.max-input-bytes")),
                Map.entry("smooksEdifact", new SmooksEdifact()),
                Map.entry("smooksFactory", SMOOKS_COMPILATIONS),
                Map.entry("drainedOrderResponses", new DrainedOrderResponses(profiles, outbox, numbers, registry, Clock.systemUTC()))),
                "edi-interchanges.camel.yaml", "hub-errors.camel.yaml");
    }

    /** Runs in a JVM with -Xmx256m: the whole 1 GB interchange through the pipeline, reporting peak heap. */
    private static void heapProbe(Path file) throws Exception {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long seconds = hubPipeline(file) / 1_000_000_000L;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap probe: %s in %d s with -Xmx%d MB; peak heap used (sum of pool peaks) %d MB%n", file.getFileName(),
                seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    }

    private static double rate(long messages, long nanos) {
        return messages / (nanos / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
