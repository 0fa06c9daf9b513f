/**
 * Security levels (cấp độ an toàn hệ thống thông tin, Decree 85/2016 and Decree 331/2026): the level
 * frameworks as versioned reference data an administrator can correct, the working-day calendar
 * their time limits count in, the level determination of each information system, and its
 * level-proposal dossier (files checked by content, kept outside the database with a checksum) with
 * the appraisal and approval workflow. Other features read the approved level through
 * {@link vn.camguard.levels.ApprovedLevels}. Depends on
 * {@code organization} for the caller's grants and the unit tree, on {@code inventory} for the
 * information systems, and on {@code audit} because every change is logged.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "inventory", "audit", "notifications" })
package vn.camguard.levels;
