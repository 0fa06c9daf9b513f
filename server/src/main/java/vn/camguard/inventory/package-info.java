/**
 * Inventory: the information systems that use cameras (hệ thống thông tin), the sites where
 * devices are installed, and the devices themselves, cameras and recorders. Depends on
 * {@code organization} because every record belongs to a unit and every read and write is
 * checked against the caller's grants, and on {@code audit} because every change is logged.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit" })
package vn.camguard.inventory;
