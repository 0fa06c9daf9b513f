-- The scoped device list at 1,000,000 devices: a unit officer's list is filtered by unit subtree and
-- usually by vendor and status, ordered by serial. With all five columns in one index the count and
-- the page's ids come from the index alone (no table reads for the rows that are filtered out).
DROP INDEX ix_inventory_device_unit_serial;
CREATE INDEX ix_inventory_device_unit_vendor_status ON inventory_device (unit_id, vendor, status, serial, id);
