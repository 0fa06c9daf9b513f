/**
 * Audit: the tamper-evident, append-only log of every change (nhật ký). Depends on no other module,
 * so that every module may record into it; readers pass the unit scope they were granted.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.camguard.audit;
