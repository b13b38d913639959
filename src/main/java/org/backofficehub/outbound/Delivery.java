package org.backofficehub.outbound;

import java.util.List;

/** How one route's outbound messages reach their system. */
public interface Delivery {

    /** Delivers the messages, all or none: an exception counts a failed attempt for each of them. */
    void deliver(List<OutboundMessage> messages) throws Exception;

    /** How many messages one delivery carries at most. */
    default int perDelivery() {
        return 1;
    }

    /** The due messages as they should be delivered: a delivery may fold several into one first. */
    default List<OutboundMessage> coalesce(List<OutboundMessage> due, OutboundMessages store) {
        return due;
    }
}
