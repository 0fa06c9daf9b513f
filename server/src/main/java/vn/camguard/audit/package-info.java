/**
 * Audit: the tamper-evident, append-only log of every change (nhật ký), a hash chain keyed with a
 * secret kept outside the database. Depends on no business module, so that every module may record
 * into it, only on {@code schedule} for its periodic verification; readers pass the unit scope they
 * were granted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "schedule")
package vn.camguard.audit;
