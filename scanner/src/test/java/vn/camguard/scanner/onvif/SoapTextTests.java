package vn.camguard.scanner.onvif;

import org.junit.jupiter.api.Test;
import vn.camguard.scanner.auth.Credential;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SoapTextTests {

	@Test
	void readsDeviceInformationWhateverThePrefix() {
		SoapText body = new SoapText("<env:Envelope><env:Body><tds:GetDeviceInformationResponse>"
				+ "<tds:Manufacturer>HIKVISION</tds:Manufacturer><tds:Model>DS-2CD2142FWD-I</tds:Model>"
				+ "<FirmwareVersion>V5.4.0 build 160530</FirmwareVersion><tds:SerialNumber>S&amp;1</tds:SerialNumber>"
				+ "</tds:GetDeviceInformationResponse></env:Body></env:Envelope>");
		OnvifClient.DeviceInformation info = OnvifClient.deviceInformation(body);
		assertThat(info.manufacturer()).isEqualTo("HIKVISION");
		assertThat(info.firmwareVersion()).isEqualTo("V5.4.0 build 160530");
		assertThat(info.serialNumber()).isEqualTo("S&1");
		assertThat(body.isFault()).isFalse();
	}

	@Test
	void recognisesFaultsAndIgnoresEntityTricks() {
		SoapText fault = new SoapText("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<s:Envelope><s:Body><s:Fault><s:Code><s:Subcode><s:Value>ter:NotAuthorized</s:Value>"
				+ "</s:Subcode></s:Code><s:Reason><s:Text>&e;</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>");
		assertThat(fault.isFault()).isTrue();
		assertThat(fault.first("Text")).contains("&e;");
	}

	@Test
	void readsOnlySimpleElementsWithinBounds() {
		SoapText body = new SoapText("<a:Scopes\n xmlns:a=\"urn:x\">one two</a:Scopes><ModelName>x</ModelName>"
				+ "<Model><Inner>nested</Inner></Model><tt:Model attr=\"1\">M1</tt:Model><Model>" + "y".repeat(300)
				+ "</Model><Model/><Model>M2</Model><bad:prefix:Model>M3</bad:prefix:Model>");
		assertThat(body.all("Model", 10)).containsExactly("M1", "M2");
		assertThat(body.first("Scopes")).contains("one two");
		assertThat(body.first("Inner")).contains("nested");
		assertThat(body.all("Model", 1)).containsExactly("M1");
		assertThat(body.hasElement("Model")).isTrue();
		assertThat(body.hasElement("Mode")).isFalse();
		assertThat(body.hasElement("Fault")).isFalse();
		assertThat(new SoapText("<s:Fault/>").isFault()).isTrue();
		assertThat(new SoapText("<Model attr=\"" + "z".repeat(600) + "\">M</Model>").first("Model")).isEmpty();
		assertThat(new SoapText("unterminated <Model>text").first("Model")).isEmpty();
		assertThat(new SoapText("<").hasElement("Model")).isFalse();
	}

	@Test
	void usernameTokenCarriesAPasswordDigestNotThePassword() {
		String token = OnvifClient.usernameToken(new Credential("admin", "12345"));
		assertThat(token).contains("<wsse:Username>admin</wsse:Username>").contains("#PasswordDigest").doesNotContain(">12345<");
		byte[] nonce = "0123456789abcdef".getBytes();
		String digest = OnvifClient.passwordDigest(nonce, "2026-11-23T12:00:00Z", "12345");
		assertThat(Base64.getDecoder().decode(digest)).hasSize(20);
		assertThat(digest).isNotEqualTo(OnvifClient.passwordDigest(nonce, "2026-11-23T12:00:01Z", "12345"));
	}

}
