-- Device search at province scale (1,000,000 devices) on PostgreSQL. Each expression is written
-- exactly as Devices builds its WHERE clause, or PostgreSQL would not use the index. H2 runs the
-- same queries without these indexes (its inventories are small).

-- Trusted extension: the database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A search text that names a device exactly is looked up by equality first: serial and name in any
-- case, network address, MAC (its unique index). text_pattern_ops also serves "starts with" (LIKE
-- 'x%') whatever the database's collation: the model, address and MAC are matched from their start.
CREATE INDEX ix_inventory_device_serial_lower ON inventory_device (LOWER(serial));
CREATE INDEX ix_inventory_device_name_lower ON inventory_device (LOWER(name));
CREATE INDEX ix_inventory_device_address_prefix ON inventory_device (LOWER(address) text_pattern_ops);
CREATE INDEX ix_inventory_device_model_prefix ON inventory_device (LOWER(model) text_pattern_ops);
CREATE INDEX ix_inventory_device_mac_prefix ON inventory_device (mac text_pattern_ops);

-- Any part of a serial or a name (LIKE '%text%'). Only these two: every column in a trigram index
-- adds a dozen or more entries per row. Inserting 100,000 bench rows took about 3.5 times as long
-- with this file's indexes as without; with the model, address and MAC in this index as well, about
-- 1.5 times as long again.
-- The operator class is named with the schema the extension lives in: a database whose extension was
-- created earlier in another schema (e.g. public) than the one being migrated still finds it.
DO $$
DECLARE
  trgm_schema text := (SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm');
BEGIN
  EXECUTE format('CREATE INDEX ix_inventory_device_text_trgm ON inventory_device USING gin ('
      || 'LOWER(serial) %1$s.gin_trgm_ops, LOWER(name) %1$s.gin_trgm_ops)', trgm_schema);
END
$$;
