-- Device search at province scale (1,000,000 devices) on PostgreSQL. Each expression is written
-- exactly as Devices builds its WHERE clause, or PostgreSQL would not use the index. H2 runs the
-- same queries without these indexes (its inventories are small).

-- Trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A search text that names a device exactly is looked up by equality first, case-insensitively for
-- the serial and the name (the MAC already has its unique index).
CREATE INDEX ix_inventory_device_serial_lower ON inventory_device (LOWER(serial));
CREATE INDEX ix_inventory_device_name_lower ON inventory_device (LOWER(name));
CREATE INDEX ix_inventory_device_address ON inventory_device (address);

-- Any other text is looked for inside these five columns (LIKE '%text%'). One multicolumn GIN
-- index instead of five: each row is added to one pending list during an import, and an OR over
-- the five columns is still answered by a BitmapOr of scans of this index.
CREATE INDEX ix_inventory_device_search_trgm ON inventory_device USING gin (
  LOWER(serial) gin_trgm_ops,
  LOWER(model) gin_trgm_ops,
  LOWER(address) gin_trgm_ops,
  LOWER(name) gin_trgm_ops,
  mac gin_trgm_ops
);
