-- Issue 21's money and documents: batch mode answers an order sent again as before.

-- A staged order sent again is answered with the tracking id it was given (BookingStage).
CREATE INDEX staged_order_key ON staged_order (source, order_id);
