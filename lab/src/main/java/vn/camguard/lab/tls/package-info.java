/**
 * The devices' HTTPS (port 443): JSSE as the server, configured alike for every client.
 */
package vn.camguard.lab.tls;
