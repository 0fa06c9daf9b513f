/**
 * TLS with devices the JDK will not talk to by its defaults, through BouncyCastle's TLS API configured per
 * connection ({@link vn.camguard.scanner.tls.LegacyTls}), and what a handshake showed
 * ({@link vn.camguard.scanner.tls.TlsHandshake}). The scanner makes no trust decision on TLS: any certificate is
 * taken, and kept as evidence. No TLS is implemented here: JSSE and BouncyCastle do the protocol.
 */
package vn.camguard.scanner.tls;
