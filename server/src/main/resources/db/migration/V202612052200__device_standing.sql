-- Products (issue 18): each device's standing stored, so that the list filtered on standing is one
-- indexed query in the caller's units instead of matching every device of the province per request.
-- Rows are written by the application (matching is Java); it fills the table for existing devices at
-- start-up, recomputes a row whenever an input changes, and once a day for certificates that lapse.
CREATE TABLE device_standing (
  device_id          BIGINT PRIMARY KEY REFERENCES inventory_device(id) ON DELETE CASCADE,
  -- owning unit, for scope; moved with the device
  unit_id            BIGINT NOT NULL,
  -- copies of the inputs as they were when computed: a row whose copies differ from the device is stale
  vendor             VARCHAR(100),
  model              VARCHAR(100),
  firmware           VARCHAR(100),
  decision           VARCHAR(20),
  decided_product_id BIGINT,
  cve_list           VARCHAR(64) NOT NULL,
  -- the maker the device resolves to (null: none), so a change to a maker's products finds its devices
  vendor_id          BIGINT,
  product_id         BIGINT,
  match_how          VARCHAR(20),
  match_by_alias     BOOLEAN NOT NULL,
  certification      VARCHAR(20) NOT NULL,
  certificate_id     BIGINT,
  catalogue          VARCHAR(40),
  warned             BOOLEAN NOT NULL,
  warning_id         BIGINT,
  firmware_state     VARCHAR(20) NOT NULL,
  cve_count          INTEGER NOT NULL,
  cve_max_cvss       DECIMAL(3, 1),
  -- the first day the standing may change by itself (a certificate starts or lapses); null: never
  recheck_on         DATE,
  computed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX device_standing_unit ON device_standing (unit_id, device_id);
CREATE INDEX device_standing_certification ON device_standing (certification, unit_id);
CREATE INDEX device_standing_firmware ON device_standing (firmware_state, unit_id);
CREATE INDEX device_standing_warned ON device_standing (warned, unit_id);
CREATE INDEX device_standing_cves ON device_standing (cve_count, unit_id);
CREATE INDEX device_standing_vendor ON device_standing (vendor_id);
CREATE INDEX device_standing_recheck ON device_standing (recheck_on);
