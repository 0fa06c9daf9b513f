package vn.camguard.monitoring.device;

/**
 * What the officer adds when adopting a discovered device into the inventory; the rest comes from the fingerprint.
 *
 * @param unitId owning unit (within the officer's inventory scope)
 * @param systemId information system, optional
 * @param siteId site, optional
 * @param serial serial number (the inventory requires one; a scan rarely learns it)
 * @param vendor the vendor when the fingerprint named none, else ignored
 * @param name a label, optional
 * @param recorder a recorder (NVR/DVR) rather than a camera; null = as the fingerprint says
 */
public record Adoption(Long unitId, Long systemId, Long siteId, String serial, String vendor, String name,
		Boolean recorder) {
}
