// Asks a lab device what a third-party ONVIF client asks first, through the npm "onvif" package, and prints
// one JSON line: {"deviceInformation":...,"streamUri":...,"snapshotUri":...} or {"error":"..."}.
// Usage: node onvif-client.js <modules dir> <host> <port> [<username> <password>]
const path = require('path');
const [modules, hostname, port, username, password] = process.argv.slice(2);
const { Cam } = require(path.join(modules, 'onvif'));

function finish(result) {
	process.stdout.write(JSON.stringify(result) + '\n');
	process.exit(0);
}

setTimeout(() => finish({ error: 'no answer within 20 s' }), 20000).unref();

const options = { hostname, port: Number(port), path: '/onvif/device_service', timeout: 10000, autoconnect: false };
if (username !== undefined) {
	options.username = username;
	options.password = password;
}
const cam = new Cam(options);
cam.connect((err) => {
	if (err) {
		return finish({ error: 'connect: ' + (err.message || err) });
	}
	cam.getDeviceInformation((err, deviceInformation) => {
		if (err) {
			return finish({ error: 'GetDeviceInformation: ' + (err.message || err) });
		}
		cam.getStreamUri({ protocol: 'RTSP' }, (err, stream) => {
			if (err) {
				return finish({ error: 'GetStreamUri: ' + (err.message || err) });
			}
			cam.getSnapshotUri({}, (err, snapshot) => {
				if (err) {
					return finish({ error: 'GetSnapshotUri: ' + (err.message || err) });
				}
				finish({ deviceInformation, streamUri: stream.uri, snapshotUri: snapshot.uri,
					videoSources: cam.activeSources ? cam.activeSources.length : 0 });
			});
		});
	});
});
