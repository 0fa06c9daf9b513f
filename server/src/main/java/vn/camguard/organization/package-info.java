/**
 * Organization: the unit tree of the province, users, their role grants, sign-in and the one place
 * that decides what a caller may do ({@link vn.camguard.organization.AccessControl}). Depends on
 * {@code audit} because every change to units, users and grants, and every sign-in, is logged.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "audit")
package vn.camguard.organization;
