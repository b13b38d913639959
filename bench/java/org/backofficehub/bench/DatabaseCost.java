package org.backofficehub.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a phase of the batch benchmark cost the PostgreSQL server: CPU of all its processes, and
 * transactions committed in the ERP database.
 * Statistics reach pg_stat_database with a delay, so each reading first waits for them to settle.
 */
final class DatabaseCost {

    record Reading(double cpuMillis, long erpCommits) {
        Reading minus(Reading earlier) {
            return new Reading(cpuMillis - earlier.cpuMillis, erpCommits - earlier.erpCommits);
        }

        @Override
        public String toString() {
            return String.format("%.0f ms CPU, %d ERP commits", cpuMillis, erpCommits);
        }
    }

    private final EmbeddedPostgres postgres;
    private final String erpDatabase;

    DatabaseCost(EmbeddedPostgres postgres, String erpDatabase) {
        this.postgres = postgres;
        this.erpDatabase = erpDatabase;
    }

    /**
     * CPU of every process named postgres, from /proc (utime + stime, in clock ticks of 10 ms):
     * pg_ctl detaches the server, so it is not among this JVM's descendants. Backends that exit
     * take their CPU with them, which the hub's connection pools make rare.
     */
    private static double postgresCpuMillis() throws IOException {
        double millis = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if (!Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        continue;
                    }
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10.0;
                } catch (IOException gone) {
                    // The process ended while being read.
                }
            }
        }
        return millis;
    }

    /** False on H2: the database works inside the hub (or the benchmark) and its cost is theirs. */
    boolean measures() {
        return postgres != null;
    }

    Reading read() throws Exception {
        if (postgres == null) {
            return new Reading(0, 0);
        }
        Thread.sleep(1500);
        double cpu = postgresCpuMillis();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement commits = connection.prepareStatement("SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
            commits.setString(1, erpDatabase);
            try (ResultSet rs = commits.executeQuery()) {
                rs.next();
                return new Reading(cpu, rs.getLong(1));
            }
        }
    }
}
