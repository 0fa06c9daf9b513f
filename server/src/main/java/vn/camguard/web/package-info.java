/**
 * Web shell: layout, home page, language switch, error pages, and the audit log pages (which need
 * both the audit log and the caller's grants, so they live here rather than in {@code audit}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "audit" })
package vn.camguard.web;
