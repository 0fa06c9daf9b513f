/**
 * Shared kernel: small technical building blocks every module may use, such as reading and writing
 * spreadsheet files. It holds no business logic and depends on no other module; an open module so
 * that its sub-packages need no separate API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.camguard.shared;
