package org.backofficehub.edi.intake;

import java.util.List;
import org.backofficehub.batch.BookingStage;
import org.backofficehub.modes.RouteMode;
import org.backofficehub.modes.RouteModes;
import org.backofficehub.booking.GroupCommitBooking;
import org.backofficehub.model.Order;
import org.backofficehub.edi.OrderResponse;

/**
 * Delivers EDI orders the way their route is set: booked now, or staged for the batch drain
 * (whose bookings send no order responses yet).
 */
public final class RouteOrderDelivery implements OrderDelivery {

    private final RouteModes modes;
    private final String routeId;
    private final BookingDelivery booking;
    private final BookingStage stage;

    public RouteOrderDelivery(RouteModes modes, String routeId, GroupCommitBooking booking, BookingStage stage) {
        this.modes = modes;
        this.routeId = routeId;
        this.booking = new BookingDelivery(booking::bookAll);
        this.stage = stage;
    }

    @Override
    public List<OrderResponse> deliver(List<Order> orders) {
        if (modes.get(routeId).mode() == RouteMode.BATCH) {
            stage.stageAll(orders.stream().map(order -> new BookingStage.Staging(routeId, order)).toList());
            return List.of();
        }
        return booking.deliver(orders);
    }
}
