-- Products (issue 18, second slice): matches confirmed or corrected by an officer.
-- An officer's decision on which registered product a device is (confirmed or corrected); it wins over
-- automatic matching. product_id null = the officer says the device is none of the registered products.
CREATE TABLE product_device_match (
  device_id    BIGINT PRIMARY KEY,
  unit_id      BIGINT NOT NULL REFERENCES organization_unit(id),
  product_id   BIGINT REFERENCES product(id),
  decision     VARCHAR(20) NOT NULL,
  -- the vendor and model the device had when decided; a later edit of the device voids the decision
  vendor_typed VARCHAR(100),
  model_typed  VARCHAR(100),
  decided_by   VARCHAR(100) NOT NULL,
  decided_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
