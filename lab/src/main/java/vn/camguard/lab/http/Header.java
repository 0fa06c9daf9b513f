package vn.camguard.lab.http;

/** One header line. */
public record Header(String name, String value) {
}
