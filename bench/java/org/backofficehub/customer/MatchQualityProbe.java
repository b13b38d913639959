package org.backofficehub.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints precision and recall of the match rules on a generated set, in memory (no database): a tuning aid. */
public final class MatchQualityProbe {
    public static void main(String[] args) {
        int count = Integer.parseInt(args.length > 0 ? args[0] : "20000");
        double phone = args.length > 1 ? Double.parseDouble(args[1]) : MatchSettings.defaults().phoneNameThreshold();
        double address = args.length > 2 ? Double.parseDouble(args[2]) : MatchSettings.defaults().addressNameThreshold();
        Matcher matcher = new Matcher(phone, address);
        List<CustomerDataGenerator.Generated> records = new CustomerDataGenerator(42).generate(count, 0.3);
        List<MatchProfile> profiles = new ArrayList<>();
        Map<String, List<Integer>> blocks = new HashMap<>();
        int[] parent = new int[count];
        for (int i = 0; i < count; i++) {
            parent[i] = i;
            MatchProfile profile = MatchProfile.of(GeneratedRecords.erpRecord(records.get(i)), "DE");
            profiles.add(profile);
            for (String key : profile.blockingKeys()) {
                for (int j : blocks.getOrDefault(key, List.of())) {
                    if (matcher.match(profile, profiles.get(j)) != null) {
                        parent[find(parent, i)] = find(parent, j);
                    }
                }
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        LinkageQuality quality = new LinkageQuality();
        for (int i = 0; i < count; i++) {
            quality.add(find(parent, i), records.get(i).entity());
        }
        System.out.println(quality);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i] = parent[parent[i]];
        }
        return i;
    }
}
