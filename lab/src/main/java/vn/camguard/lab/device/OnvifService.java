package vn.camguard.lab.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Set;

import vn.camguard.lab.DeviceKind;
import vn.camguard.lab.Weakness;
import vn.camguard.lab.http.Request;
import vn.camguard.lab.http.Response;

/**
 * ONVIF device and media service over SOAP 1.2 with WS-UsernameToken authentication. A token that is
 * present is always verified; ONVIF_NO_AUTH only lets requests without a token through.
 */
final class OnvifService {

	private static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

	private static final Set<String> PRE_AUTH = Set.of("GetSystemDateAndTime", "GetCapabilities", "GetServices");

	/** The WS-Security UsernameToken parts the lab verifies. */
	private static final Set<String> TOKEN_PARTS = Set.of("Username", "Password", "Nonce", "Created");

	private static final String ENVELOPE_START = """
			<?xml version="1.0" encoding="UTF-8"?>
			<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" \
			xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:trt="http://www.onvif.org/ver10/media/wsdl" \
			xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:ter="http://www.onvif.org/ver10/error">\
			<env:Body>""";

	private static final String ENVELOPE_END = "</env:Body></env:Envelope>\n";

	private OnvifService() {
	}

	static Response answer(Request request, Device device) {
		if (!request.method().equals("POST")) {
			return Response.status(405, "Method Not Allowed").with("Allow", "POST");
		}
		Xml.Facts document;
		try {
			document = Xml.read(request.body(), TOKEN_PARTS);
		}
		catch (IOException e) {
			return fault("env:Sender", "ter:WellFormed", "Malformed SOAP envelope");
		}
		String operation = document.bodyOperation();
		if (!PRE_AUTH.contains(operation) && !authorized(document, device)) {
			return fault("env:Sender", "ter:NotAuthorized", "Sender not Authorized");
		}
		String body = switch (operation) {
			case "GetSystemDateAndTime" -> systemDateAndTime();
			case "GetCapabilities" -> capabilities(device);
			case "GetServices" -> services(device);
			case "GetDeviceInformation" -> deviceInformation(device);
			case "GetNetworkInterfaces" -> networkInterfaces(device);
			case "GetProfiles" -> profiles();
			case "GetVideoSources" -> videoSources();
			case "GetStreamUri" -> "<trt:GetStreamUriResponse><trt:MediaUri><tt:Uri>"
					+ Xml.escape(RtspService.mainStreamUrl(device))
					+ "</tt:Uri><tt:InvalidAfterConnect>false</tt:InvalidAfterConnect><tt:InvalidAfterReboot>false"
					+ "</tt:InvalidAfterReboot><tt:Timeout>PT0S</tt:Timeout></trt:MediaUri></trt:GetStreamUriResponse>";
			case "GetSnapshotUri" -> "<trt:GetSnapshotUriResponse><trt:MediaUri><tt:Uri>"
					+ Xml.escape(device.webOrigin() + snapshotPath(device))
					+ "</tt:Uri></trt:MediaUri></trt:GetSnapshotUriResponse>";
			case "GetUsers" -> "<tds:GetUsersResponse><tds:User><tt:Username>"
					+ Xml.escape(device.profile().adminUser())
					+ "</tt:Username><tt:UserLevel>Administrator</tt:UserLevel></tds:User></tds:GetUsersResponse>";
			default -> null;
		};
		if (body == null) {
			return fault("env:Receiver", "ter:ActionNotSupported", "Optional Action Not Implemented");
		}
		return Response.ok(CONTENT_TYPE, ENVELOPE_START + body + ENVELOPE_END);
	}

	private static boolean authorized(Xml.Facts document, Device device) {
		if (!document.has("UsernameToken")) {
			return device.has(Weakness.ONVIF_NO_AUTH);
		}
		String username = document.text("Username");
		String password = document.text("Password");
		if (username == null || password == null || !username.equals(device.profile().adminUser())) {
			return false;
		}
		String type = document.attribute("Password", "Type");
		if (type.endsWith("#PasswordText")) {
			return device.web().matches(username, password);
		}
		String nonce = document.text("Nonce");
		String created = document.text("Created");
		if (nonce == null || created == null) {
			return false;
		}
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			sha1.update(Base64.getDecoder().decode(nonce));
			sha1.update(created.getBytes(StandardCharsets.UTF_8));
			sha1.update(device.spec().password().getBytes(StandardCharsets.UTF_8));
			byte[] expected = sha1.digest();
			return MessageDigest.isEqual(expected, Base64.getDecoder().decode(password));
		}
		catch (NoSuchAlgorithmException | IllegalArgumentException e) {
			return false;
		}
	}

	private static Response fault(String code, String subcode, String reason) {
		return Response.status(400, "Bad Request").withBody(CONTENT_TYPE,
				ENVELOPE_START + "<env:Fault><env:Code><env:Value>" + code + "</env:Value><env:Subcode><env:Value>"
						+ subcode + "</env:Value></env:Subcode></env:Code><env:Reason><env:Text xml:lang=\"en\">"
						+ reason + "</env:Text></env:Reason></env:Fault>" + ENVELOPE_END);
	}

	private static String systemDateAndTime() {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
		return "<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>"
				+ "<tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>ICT-7</tt:TZ></tt:TimeZone>"
				+ "<tt:UTCDateTime><tt:Time><tt:Hour>" + now.getHour() + "</tt:Hour><tt:Minute>" + now.getMinute()
				+ "</tt:Minute><tt:Second>" + now.getSecond() + "</tt:Second></tt:Time><tt:Date><tt:Year>"
				+ now.getYear() + "</tt:Year><tt:Month>" + now.getMonthValue() + "</tt:Month><tt:Day>"
				+ now.getDayOfMonth() + "</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime>"
				+ "</tds:GetSystemDateAndTimeResponse>";
	}

	private static String capabilities(Device device) {
		String base = device.onvifUrl().replace("/onvif/device_service", "/onvif/");
		return "<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>" + base + "device_service"
				+ "</tt:XAddr></tt:Device><tt:Media><tt:XAddr>" + base + "media_service</tt:XAddr>"
				+ "<tt:StreamingCapabilities><tt:RTP_TCP>true</tt:RTP_TCP></tt:StreamingCapabilities></tt:Media>"
				+ "</tds:Capabilities></tds:GetCapabilitiesResponse>";
	}

	private static String services(Device device) {
		String base = device.onvifUrl().replace("/onvif/device_service", "/onvif/");
		return "<tds:GetServicesResponse><tds:Service><tds:Namespace>http://www.onvif.org/ver10/device/wsdl"
				+ "</tds:Namespace><tds:XAddr>" + base + "device_service</tds:XAddr><tds:Version><tt:Major>2"
				+ "</tt:Major><tt:Minor>60</tt:Minor></tds:Version></tds:Service><tds:Service><tds:Namespace>"
				+ "http://www.onvif.org/ver10/media/wsdl</tds:Namespace><tds:XAddr>" + base + "media_service"
				+ "</tds:XAddr><tds:Version><tt:Major>2</tt:Major><tt:Minor>60</tt:Minor></tds:Version>"
				+ "</tds:Service></tds:GetServicesResponse>";
	}

	private static String deviceInformation(Device device) {
		return "<tds:GetDeviceInformationResponse><tds:Manufacturer>" + Xml.escape(device.profile().vendor())
				+ "</tds:Manufacturer><tds:Model>" + Xml.escape(device.profile().model()) + "</tds:Model>"
				+ "<tds:FirmwareVersion>" + Xml.escape(device.firmware()) + "</tds:FirmwareVersion>"
				+ "<tds:SerialNumber>" + Xml.escape(device.onvifSerial()) + "</tds:SerialNumber><tds:HardwareId>"
				+ (device.profile().kind() == DeviceKind.RECORDER ? "NVR" : "IPC") + "-1.00</tds:HardwareId>"
				+ "</tds:GetDeviceInformationResponse>";
	}

	/** One wired interface, enabled, with the device's hardware address and a fixed IPv4 configuration. */
	private static String networkInterfaces(Device device) {
		return "<tds:GetNetworkInterfacesResponse><tds:NetworkInterfaces token=\"eth0\"><tt:Enabled>true</tt:Enabled>"
				+ "<tt:Info><tt:Name>eth0</tt:Name><tt:HwAddress>" + Xml.escape(device.toldMac()) + "</tt:HwAddress>"
				+ "<tt:MTU>1500</tt:MTU></tt:Info><tt:IPv4><tt:Enabled>true</tt:Enabled><tt:Config><tt:Manual>"
				+ "<tt:Address>" + Xml.escape(device.address()) + "</tt:Address><tt:PrefixLength>8</tt:PrefixLength>"
				+ "</tt:Manual><tt:DHCP>false</tt:DHCP></tt:Config></tt:IPv4></tds:NetworkInterfaces>"
				+ "</tds:GetNetworkInterfacesResponse>";
	}

	/**
	 * One profile on one video source, with the source and encoder configurations third-party clients (the npm
	 * {@code onvif} client among them) match a profile to its source by; sizes are those of the clip the RTSP
	 * service plays.
	 */
	private static String profiles() {
		return "<trt:GetProfilesResponse><trt:Profiles token=\"Profile_1\" fixed=\"true\"><tt:Name>mainStream"
				+ "</tt:Name><tt:VideoSourceConfiguration token=\"VideoSourceConfig_1\"><tt:Name>VideoSourceConfig_1"
				+ "</tt:Name><tt:UseCount>1</tt:UseCount><tt:SourceToken>VideoSource_1</tt:SourceToken>"
				+ "<tt:Bounds x=\"0\" y=\"0\" width=\"" + StreamClip.WIDTH + "\" height=\"" + StreamClip.HEIGHT + "\"/>"
				+ "</tt:VideoSourceConfiguration><tt:VideoEncoderConfiguration token=\"VideoEncoder_1\">"
				+ "<tt:Name>VideoEncoder_1</tt:Name><tt:UseCount>1</tt:UseCount><tt:Encoding>H264</tt:Encoding>"
				+ "<tt:Resolution><tt:Width>" + StreamClip.WIDTH + "</tt:Width><tt:Height>" + StreamClip.HEIGHT
				+ "</tt:Height></tt:Resolution><tt:Quality>4</tt:Quality><tt:RateControl><tt:FrameRateLimit>"
				+ StreamClip.FRAME_RATE + "</tt:FrameRateLimit><tt:EncodingInterval>1</tt:EncodingInterval>"
				+ "<tt:BitrateLimit>64</tt:BitrateLimit></tt:RateControl><tt:H264><tt:GovLength>"
				+ StreamClip.FRAME_RATE + "</tt:GovLength><tt:H264Profile>Baseline</tt:H264Profile></tt:H264>"
				+ "<tt:SessionTimeout>PT60S</tt:SessionTimeout></tt:VideoEncoderConfiguration></trt:Profiles>"
				+ "</trt:GetProfilesResponse>";
	}

	private static String videoSources() {
		return "<trt:GetVideoSourcesResponse><trt:VideoSources token=\"VideoSource_1\"><tt:Framerate>"
				+ StreamClip.FRAME_RATE + "</tt:Framerate><tt:Resolution><tt:Width>" + StreamClip.WIDTH
				+ "</tt:Width><tt:Height>" + StreamClip.HEIGHT + "</tt:Height></tt:Resolution></trt:VideoSources>"
				+ "</trt:GetVideoSourcesResponse>";
	}

	static String snapshotPath(Device device) {
		return switch (device.profile()) {
			case HIKVISION_IPC -> "/ISAPI/Streaming/channels/101/picture";
			case DAHUA_IPC, DAHUA_NVR -> "/cgi-bin/snapshot.cgi?channel=1";
			case XIONGMAI_IPC -> "/webcapture.jpg?command=snap&channel=1";
			case AXIS_IPC -> "/axis-cgi/jpg/image.cgi";
			case ONVIF_GENERIC -> "/image/jpeg.cgi";
			case WHITELABEL_IPC -> "/snapshot.jpg";
		};
	}

}
