package org.backofficehub.customer;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering against the truth: of the record pairs put in one
 * customer, how many are really one customer; of the real pairs, how many were found.
 */
public final class LinkageQuality {

    private final Map<Long, Long> predictedSizes = new HashMap<>();
    private final Map<Integer, Long> trueSizes = new HashMap<>();
    private final Map<String, Long> overlapSizes = new HashMap<>();

    public void add(long predictedCustomer, int trueEntity) {
        predictedSizes.merge(predictedCustomer, 1L, Long::sum);
        trueSizes.merge(trueEntity, 1L, Long::sum);
        overlapSizes.merge(predictedCustomer + "/" + trueEntity, 1L, Long::sum);
    }

    public double precision() {
        long predicted = pairs(predictedSizes);
        return predicted == 0 ? 1 : (double) pairs(overlapSizes) / predicted;
    }

    public double recall() {
        long actual = pairs(trueSizes);
        return actual == 0 ? 1 : (double) pairs(overlapSizes) / actual;
    }

    public long clusters() {
        return predictedSizes.size();
    }

    public long entities() {
        return trueSizes.size();
    }

    private static long pairs(Map<?, Long> sizes) {
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "precision %.4f, recall %.4f (%d customers for %d real ones)",
                precision(), recall(), clusters(), entities());
    }
}
