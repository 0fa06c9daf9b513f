/**
 * A small TLS 1.2 client for talking to devices over HTTPS. The scanner makes no trust decision on TLS
 * (it accepts any certificate by design), so the costly part of a JSSE handshake, verifying the server's
 * signature, buys it nothing; this client skips it and keeps only what makes the connection work: an
 * ECDHE key exchange, ChaCha20-Poly1305 or AES-GCM records, a verified server Finished (on the first read, after a False Start) and
 * session-id resumption. Whatever it does not support is reported as
 * {@link vn.camguard.scanner.tls.TlsUnsupportedException} so the caller can fall back to JSSE.
 */
package vn.camguard.scanner.tls;
