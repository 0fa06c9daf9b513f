package vn.camguard.lab.device;

import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/** Axis-like web UI and VAPIX (PROFILES.md §7). */
final class AxisWeb {

	private AxisWeb() {
	}

	static Response answer(Request request, Device device) {
		String model = device.profile().model();
		return switch (request.path()) {
			case "/", "/index.html" -> Response.ok("text/html",
					"<!DOCTYPE html><html><head><title>AXIS</title></head><body><div id=\"app\"></div></body></html>\n");
			case "/axis-cgi/basicdeviceinfo.cgi" -> Response.ok("application/json", """
					{"apiVersion":"1.0","data":{"propertyList":{"Brand":"AXIS","ProdFullName":"AXIS %1$s Network Camera",\
					"ProdNbr":"%1$s","ProdShortName":"AXIS %1$s","ProdType":"Network Camera","ProdVariant":"",\
					"Version":"%2$s","BuildDate":"Jan 01 2024 00:00","HardwareID":"7A4","SerialNumber":"%3$s"}}}
					""".formatted(model, device.firmware(), device.serial()));
			case "/axis-cgi/param.cgi" -> device.guarded(request, null, () -> params(request, device));
			case "/axis-cgi/jpg/image.cgi" -> device.guarded(request, Weakness.SNAPSHOT_NO_AUTH, Snapshot::response);
			default -> Response.notFound();
		};
	}

	private static Response params(Request request, Device device) {
		String model = device.profile().model();
		return switch (request.queryParam("group").orElse("")) {
			case "root.Brand" -> Response.ok("text/plain", "root.Brand.Brand=AXIS\nroot.Brand.ProdFullName=AXIS "
					+ model + " Network Camera\nroot.Brand.ProdNbr=" + model + "\nroot.Brand.ProdType=Network Camera\n");
			case "root.Properties" -> Response.ok("text/plain", "root.Properties.Firmware.Version="
					+ device.firmware() + "\nroot.Properties.System.SerialNumber=" + device.serial() + "\n");
			default -> Response.ok("text/plain", "# Error: Error -1 getting param in group '"
					+ request.queryParam("group").orElse("").replaceAll("[^A-Za-z0-9._]", "") + "'\n");
		};
	}

}
