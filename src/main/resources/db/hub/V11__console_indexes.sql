-- The console's dashboard and partner activity read a period of these tables (orders booked per
-- hour, failures, interchanges per partner); without these indexes each read scans the whole table.
CREATE INDEX order_booking_booked_at ON order_booking (booked_at);
CREATE INDEX failure_created_at ON failure (created_at);
CREATE INDEX edi_interchange_partner_activity ON edi_interchange (partner_id, direction, created_at);
