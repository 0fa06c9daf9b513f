/**
 * Products (issue 18): requirement catalogues for IP cameras as versioned data (QCVN 135:2024/BTTTT,
 * QCVN 11:2026/BCA) with their mapping through ETSI EN 303 645 provisions, the product registry
 * (vendors and their white-label brands, models, firmware versions, certificates) and, for each
 * inventoried device, its standing: certified, firmware current, known CVEs. Depends on
 * {@code organization} for roles and unit scope, on {@code audit} because every change is logged,
 * on {@code inventory}'s public {@link vn.camguard.inventory.InventoryDevices} to read a device, and on
 * {@code levels}' {@link vn.camguard.levels.ApprovedLevels} to schedule periodic assessments, and on
 * {@code schedule} for the daily recheck of stored standings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit", "inventory", "notifications", "levels", "schedule" })
package vn.camguard.products;
