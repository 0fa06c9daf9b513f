/** Bounded reading and writing of HTTP/1.1 and RTSP/1.0 messages, which share one syntax. */
package vn.camguard.lab.http;
