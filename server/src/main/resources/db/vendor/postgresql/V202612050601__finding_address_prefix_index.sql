-- The findings list filters an address range as address prefixes (LIKE '10.1.2.%'); with a non-C collation only a
-- pattern-ops index serves LIKE. H2 needs no counterpart (its ordinary index on address serves the prefixes).
CREATE INDEX ix_monitoring_finding_address_prefix ON monitoring_finding (address varchar_pattern_ops);
