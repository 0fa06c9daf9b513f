/**
 * The devices' HTTPS (port 443): a lean TLS 1.2 server (RFC 5246, ECDHE_ECDSA with ChaCha20-Poly1305 or
 * AES-128-GCM, extended master secret, session-id resumption) for the common handshake, so the lab spends little
 * CPU per scanned device, and JSSE for every other ClientHello. What a client sees is the same either way.
 */
package vn.camguard.lab.tls;
