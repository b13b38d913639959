package org.backofficehub.customer;

import java.util.Map;
import org.backofficehub.model.Address;

/**
 * The best of what the sources say about a customer; {@code provenance} names the source record
 * each field came from.
 */
record GoldenRecord(long id, String name, String email, String phone, Address address, String gln, String duns,
                    String erpNumber, String nameKey, int sourceCount, Map<String, Long> provenance) {
}
