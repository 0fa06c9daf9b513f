/**
 * Security levels (cấp độ an toàn hệ thống thông tin, Decree 85/2016 and Decree 331/2026): the level
 * frameworks as versioned reference data an administrator can correct, the working-day calendar
 * their time limits count in, and the level determination of each information system. Depends on
 * {@code organization} for the caller's grants and the unit tree, on {@code inventory} for the
 * information systems, and on {@code audit} because every change is logged.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "inventory", "audit" })
package vn.camguard.levels;
