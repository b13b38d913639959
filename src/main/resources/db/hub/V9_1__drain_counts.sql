-- A drain's last run counted orders booked before (a replay, a second delivery) as booked, and a delivery
-- route's messages delivered as booked too: each now has its own count. Old rows keep their sum in booked.
ALTER TABLE route_drain ADD COLUMN already_booked INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE route_drain ADD COLUMN delivered INTEGER DEFAULT 0 NOT NULL;
