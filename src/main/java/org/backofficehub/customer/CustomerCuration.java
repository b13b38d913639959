package org.backofficehub.customer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.backofficehub.customer.CustomerStore.Ids;
import org.backofficehub.model.InputRejectedException;
import org.backofficehub.model.ProblemType;
import org.backofficehub.store.HubStoreException;
import org.backofficehub.store.Transactions;

/**
 * An administrator's corrections: merging two customers the rules kept apart, and splitting
 * source records off a customer the rules put together. A split is remembered, so that later
 * records do not merge the two again.
 */
public final class CustomerCuration {

    private final DataSource hubStore;
    private final CustomerResolver resolver;
    private final Clock clock;

    public CustomerCuration(DataSource hubStore, CustomerResolver resolver, Clock clock) {
        this.hubStore = hubStore;
        this.resolver = resolver;
        this.clock = clock;
    }

    /** Merges {@code other} into {@code survivor}; returns the survivor. */
    public long merge(long survivor, long other) {
        if (survivor == other) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "A customer cannot be merged with itself");
        }
        return inTransaction(connection -> {
            CustomerStore store = resolver.store();
            store.lock(connection);
            requireActive(connection, survivor);
            requireActive(connection, other);
            Instant now = clock.instant();
            store.forgetSeparation(connection, survivor, other);
            store.merge(connection, other, survivor, now);
            resolver.refresh(connection, List.of(survivor), now);
            return survivor;
        });
    }

    /** Moves these source records of {@code customer} to a new customer; returns the new customer's id. */
    public long split(long customer, Set<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Name the source records to split off (sourceIds)");
        }
        return inTransaction(connection -> {
            CustomerStore store = resolver.store();
            Ids ids = store.lock(connection);
            requireActive(connection, customer);
            List<LinkedSource> sources = store.ofCustomers(connection, List.of(customer));
            List<Long> moving = sources.stream().map(LinkedSource::id).filter(sourceIds::contains).toList();
            if (moving.size() != sourceIds.size()) {
                throw new InputRejectedException(ProblemType.INVALID_REQUEST, "Customer " + customer + " has no source record(s) "
                        + sourceIds.stream().filter(id -> !moving.contains(id)).toList());
            }
            if (moving.size() == sources.size()) {
                throw new InputRejectedException(ProblemType.INVALID_REQUEST,
                        "Splitting off every source record of customer " + customer + " would leave nothing behind");
            }
            long split = ids.nextCustomer();
            store.saveIds(connection, new Ids(split + 1, ids.nextSource()));
            Instant now = clock.instant();
            store.relinkSources(connection, moving, split, MatchRule.MANUAL);
            store.separate(connection, customer, split, now);
            resolver.refresh(connection, List.of(customer, split), now);
            return split;
        });
    }

    private static void requireActive(Connection connection, long customer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT merged_into FROM customer WHERE id = ?")) {
            select.setLong(1, customer);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new InputRejectedException(ProblemType.NOT_FOUND, "No customer " + customer);
                }
                long mergedInto = rs.getLong(1);
                if (!rs.wasNull()) {
                    throw new InputRejectedException(ProblemType.INVALID_REQUEST,
                            "Customer " + customer + " was merged into customer " + mergedInto + "; use that one");
                }
            }
        }
    }

    private long inTransaction(Transactions.Work<Long> work) {
        return Transactions.inTransaction(hubStore, "Cannot change the customer master", work);
    }
}
