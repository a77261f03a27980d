# An RTSP camera for the probe's real-daemon lab (ADR 0089): GStreamer's RTSP server library
# (libgstrtspserver, Debian package gir1.2-gst-rtsp-server-1.0), as used in camera firmware, serving a
# test audio stream at /stream on each given port with its own authentication. This file only configures
# the library; parsing, authentication (Basic, Digest) and answers are GStreamer's.
# Usage: python3 rtsp_camera.py ADDRESS PORT basic|digest USER PASSWORD [PORT basic|digest USER PASSWORD ...]
import sys

import gi

gi.require_version('Gst', '1.0')
gi.require_version('GstRtsp', '1.0')
gi.require_version('GstRtspServer', '1.0')
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

Gst.init(None)
servers = []


def serve(address, port, method, user, password):
    server = GstRtspServer.RTSPServer()
    server.set_address(address)
    server.set_service(str(port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch('( audiotestsrc is-live=true ! mulawenc ! rtppcmupay name=pay0 pt=0 )')
    factory.set_shared(True)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role('viewer', 'media.factory.access', True)
    permissions.add_permission_for_role('viewer', 'media.factory.construct', True)
    factory.set_permissions(permissions)
    server.get_mount_points().add_factory('/stream', factory)
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string('media.factory.role', 'viewer')
    if method == 'digest':
        auth.add_digest(user, password, token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    else:
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
    server.set_auth(auth)
    if server.attach(None) == 0:
        sys.exit('cannot listen on %s:%s' % (address, port))
    servers.append(server)


args = sys.argv[1:]
address = args.pop(0)
while args:
    serve(address, int(args[0]), args[1], args[2], args[3])
    args = args[4:]
print('rtsp camera ready', flush=True)
GLib.MainLoop().run()
