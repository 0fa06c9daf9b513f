/**
 * The running devices: sockets, and per protocol the services a device speaks (vendor web UIs, RTSP, ONVIF,
 * WS-Discovery, telnet, binary vendor ports, hostile behaviours). Read-only: no request changes any state.
 */
package vn.camguard.lab.device;
