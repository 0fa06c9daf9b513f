package vn.camguard.products.domain;

import java.time.LocalDate;

/** A firmware version the vendor published for a product; one per product is its latest. */
public record Firmware(long id, String version, LocalDate releaseDate, boolean latest) {
}
