#!/usr/bin/python3
# Serves one test-pattern video mount with GStreamer's RTSP server (gst-rtsp-server, through PyGObject), as a
# camera would: RealServerRtspTests starts it on a loopback address. Arguments:
#   ADDRESS PORT MOUNT [USER PASSWORD]   - with USER and PASSWORD the mount asks for RTSP Digest authentication.
# Prints "READY" once the server listens; ends when its standard input closes (the test ended or died).
import sys
import threading

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

address, port, mount = sys.argv[1], sys.argv[2], sys.argv[3]
credentials = sys.argv[4:6]

Gst.init(None)
server = GstRtspServer.RTSPServer()
server.set_address(address)
server.set_service(port)

factory = GstRtspServer.RTSPMediaFactory()
# Motion JPEG needs only gstreamer1.0-plugins-good; the scanner reads the SDP, never the frames.
factory.set_launch("( videotestsrc is-live=true pattern=ball ! video/x-raw,format=I420,width=320,height=240,framerate=5/1 "
                   "! jpegenc ! rtpjpegpay name=pay0 pt=26 )")
factory.set_shared(True)

if credentials:
    user, password = credentials
    auth = GstRtspServer.RTSPAuth()
    auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
    auth.add_digest(user, password, token)
    server.set_auth(auth)
    factory.add_role_from_structure(Gst.Structure.from_string(
        "user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true")[0])

server.get_mount_points().add_factory(mount, factory)
if server.attach(None) == 0:
    print("FAILED to listen on %s:%s" % (address, port), flush=True)
    sys.exit(1)
print("READY", flush=True)

loop = GLib.MainLoop()


def wait_for_stdin_close():
    sys.stdin.read()
    GLib.idle_add(loop.quit)


threading.Thread(target=wait_for_stdin_close, daemon=True).start()
loop.run()
