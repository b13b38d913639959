// A one-file load probe for profiling the real-time path against a running hub (not a benchmark of
// record: bench/run is). CLIENTS threads, keep-alive HTTP/1.1, distinct one-line web orders,
// signed in as the web store. Usage: java bench/LoadProbe.java BASE_URL WEBSTORE_PASSWORD SECONDS CLIENTS ORDER_PREFIX
import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.atomic.*;


public class LoadProbe {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(("webstore:" + args[1]).getBytes());
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        String prefix = args[4];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong seq = new AtomicLong(), ok = new AtomicLong(), bad = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long n = seq.incrementAndGet();
                    String body = "{\"orderId\":\"" + prefix + n + "\",\"orderDate\":\"2026-11-23\",\"currency\":\"EUR\",\"customer\":{\"name\":\"Load "
                        + (n % 500) + "\",\"email\":\"load" + (n % 500) + "@example.com\",\"billingAddress\":{\"street\":\"Street 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"}},"
                        + "\"lines\":[{\"sku\":\"SKU-1001\",\"quantity\":1,\"unitPrice\":6.5}]}";
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders")).header("Content-Type", "application/json")
                            .header("Authorization", auth).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201) ok.incrementAndGet(); else bad.incrementAndGet();
                    } catch (Exception e) { bad.incrementAndGet(); }
                    lat.add(System.nanoTime() - t0);
                }
            });
            t.start(); threads.add(t);
        }
        for (Thread t : threads) t.join();
        List<Long> sorted = new ArrayList<>(lat); Collections.sort(sorted);
        System.out.printf("ok %d bad %d  %.0f/s  p50 %.1f ms p99 %.1f ms%n", ok.get(), bad.get(), ok.get() / (double) seconds,
            sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }
}
