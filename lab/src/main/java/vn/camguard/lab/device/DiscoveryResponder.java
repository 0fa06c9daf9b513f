package vn.camguard.lab.device;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import vn.camguard.lab.DeviceKind;

/**
 * Answers unicast WS-Discovery (2005/04) Probes on UDP 3702 with one ProbeMatches naming the device's
 * vendor and model in its scopes (the unauthenticated place a scanner reads them from). Everything but the
 * message ids is the same in every answer of a device, so it is built once.
 */
final class DiscoveryResponder {

	private static final Set<String> PROBE_PARTS = Set.of("MessageID", "Types");

	private static final byte[] HEAD = ("""
			<?xml version="1.0" encoding="UTF-8"?>
			<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" \
			xmlns:wsa="http://schemas.xmlsoap.org/ws/2004/08/addressing" \
			xmlns:wsd="http://schemas.xmlsoap.org/ws/2005/04/discovery" \
			xmlns:dn="http://www.onvif.org/ver10/network/wsdl" xmlns:tds="http://www.onvif.org/ver10/device/wsdl">\
			<env:Header><wsa:MessageID>urn:uuid:""").getBytes(StandardCharsets.UTF_8);

	private static final byte[] RELATES_TO = "</wsa:MessageID><wsa:RelatesTo>".getBytes(StandardCharsets.UTF_8);

	/** The rest of this device's answer, after the RelatesTo value. */
	private final byte[] tail;

	/** {@code vendor} and {@code model} are what the scopes name (hostile devices name markup). */
	DiscoveryResponder(Device device, String vendor, String model) {
		boolean recorder = device.truth().kind() == DeviceKind.RECORDER;
		String scopes = "onvif://www.onvif.org/name/" + scopeValue(vendor) + " onvif://www.onvif.org/hardware/"
				+ scopeValue(model)
				+ " onvif://www.onvif.org/type/" + (recorder ? "video_recorder" : "video_encoder")
				+ " onvif://www.onvif.org/location/country/vietnam";
		String xaddr = device.profile() == null ? "http://" + device.address() + "/onvif/device_service"
				: device.onvifUrl();
		this.tail = """
				</wsa:RelatesTo>\
				<wsa:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:To>\
				<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</wsa:Action></env:Header>\
				<env:Body><wsd:ProbeMatches><wsd:ProbeMatch><wsa:EndpointReference><wsa:Address>urn:uuid:%s\
				</wsa:Address></wsa:EndpointReference><wsd:Types>%s</wsd:Types><wsd:Scopes>%s</wsd:Scopes>\
				<wsd:XAddrs>%s</wsd:XAddrs><wsd:MetadataVersion>1</wsd:MetadataVersion></wsd:ProbeMatch>\
				</wsd:ProbeMatches></env:Body></env:Envelope>
				""".formatted(UUID.nameUUIDFromBytes(device.address().getBytes(StandardCharsets.UTF_8)),
				recorder ? "tds:Device" : "dn:NetworkVideoTransmitter tds:Device", Xml.escape(scopes),
				Xml.escape(xaddr)).getBytes(StandardCharsets.UTF_8);
	}

	/** The answer to one datagram, or null when it is not a Probe this device matches. */
	byte[] answer(byte[] datagram) {
		Xml.Facts probe;
		try {
			probe = Xml.read(datagram, PROBE_PARTS);
		}
		catch (IOException e) {
			return null;
		}
		if (!probe.has("Probe")) {
			return null;
		}
		String messageId = probe.text("MessageID");
		String types = probe.text("Types");
		if (types != null && !types.isBlank() && !types.contains("NetworkVideoTransmitter")
				&& !types.contains("Device")) {
			return null;
		}
		byte[] id = randomUuid().toString().getBytes(StandardCharsets.US_ASCII);
		byte[] relatesTo = Xml.escape(messageId == null ? "" : messageId).getBytes(StandardCharsets.UTF_8);
		byte[] reply = new byte[HEAD.length + id.length + RELATES_TO.length + relatesTo.length + tail.length];
		int at = 0;
		for (byte[] part : new byte[][] { HEAD, id, RELATES_TO, relatesTo, tail }) {
			System.arraycopy(part, 0, reply, at, part.length);
			at += part.length;
		}
		return reply;
	}

	/**
	 * A version 4 UUID, as {@link UUID#randomUUID()} makes, from a fast generator: a message id only has to
	 * be unique, not unpredictable.
	 */
	private static UUID randomUuid() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = random.nextLong() & ~0xf000L | 0x4000L;
		long least = random.nextLong() & ~(0xc000L << 48) | (0x8000L << 48);
		return new UUID(most, least);
	}

	/** Scopes are a space-separated list of URIs, so a value is percent-encoded (space = %20). */
	static String scopeValue(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
