package vn.camguard.lab.device;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.w3c.dom.Document;

import vn.camguard.lab.DeviceKind;

/**
 * Answers unicast WS-Discovery (2005/04) Probes on UDP 3702 with one ProbeMatches naming the device's
 * vendor and model in its scopes (the unauthenticated place a scanner reads them from).
 */
final class DiscoveryResponder {

	private DiscoveryResponder() {
	}

	/** The answer to one datagram, or null when it is not a Probe this device matches. */
	static byte[] answer(byte[] datagram, Device device, String vendor, String model) {
		Document probe;
		try {
			probe = Xml.parse(datagram);
		}
		catch (IOException e) {
			return null;
		}
		if (Xml.first(probe, "Probe").isEmpty()) {
			return null;
		}
		String messageId = Xml.text(probe, "MessageID");
		String types = Xml.text(probe, "Types");
		if (types != null && !types.isBlank() && !types.contains("NetworkVideoTransmitter")
				&& !types.contains("Device")) {
			return null;
		}
		boolean recorder = device.truth().kind() == DeviceKind.RECORDER;
		String scopes = "onvif://www.onvif.org/name/" + scopeValue(vendor) + " onvif://www.onvif.org/hardware/"
				+ scopeValue(model)
				+ " onvif://www.onvif.org/type/" + (recorder ? "video_recorder" : "video_encoder")
				+ " onvif://www.onvif.org/location/country/vietnam";
		String xaddr = device.profile() == null ? "http://" + device.address() + "/onvif/device_service"
				: device.onvifUrl();
		String reply = """
				<?xml version="1.0" encoding="UTF-8"?>
				<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" \
				xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
				xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery" \
				xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">\
				<env:Header><wsa:MessageID>urn:uuid:%s</wsa:MessageID><wsa:RelatesTo>%s</wsa:RelatesTo>\
				<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>\
				<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></env:Header>\
				<env:Body><wsd:ProbeMatches><wsd:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:%s\
				</wsa:Address></wsa:EndpointReference><wsd:Types>%s</wsd:Types><wsd:Scopes>%s</wsd:Scopes>\
				<wsd:XAddrs>%s</wsd:XAddrs><wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:ProbeMatch>\
				</wsd:ProbeMatches></env:Body></env:Envelope>
				""".formatted(UUID.randomUUID(), Xml.escape(messageId == null ? "" : messageId),
				UUID.nameUUIDFromBytes(device.address().getBytes(StandardCharsets.UTF_8)),
				recorder ? "tds:Device" : "dn:NetworkVideoTransmitter tds:Device", Xml.escape(scopes),
				Xml.escape(xaddr));
		return reply.getBytes(StandardCharsets.UTF_8);
	}

	/** Scopes are a space-separated list of URIs, so a value is percent-encoded (space = %20). */
	static String scopeValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
