package vn.camguard.lab.tls;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One accepted TLS connection as a device service sees it: the deciphered bytes in and out, and the socket
 * for timeouts. Closing {@code out} sends close_notify.
 */
public record Channel(Socket socket, InputStream in, OutputStream out) {
}
