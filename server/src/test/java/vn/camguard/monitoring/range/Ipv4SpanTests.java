package vn.camguard.monitoring.range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Range texts: CIDR, first-last and single addresses, IPv4 only, with the reason for a refusal. */
class Ipv4SpanTests {

	@Test
	void readsCidrFirstLastAndSingleAddresses() {
		assertThat(Ipv4Span.parse("203.0.113.0/24")).isEqualTo(new Ipv4Span(0xCB007100L, 0xCB0071FFL));
		assertThat(Ipv4Span.parse("203.0.113.9/24").firstAddress()).isEqualTo("203.0.113.0");
		assertThat(Ipv4Span.parse(" 203.0.113.10 - 203.0.113.99 ").size()).isEqualTo(90);
		assertThat(Ipv4Span.parse("127.63.1.1").toString()).isEqualTo("127.63.1.1");
		assertThat(Ipv4Span.parseAll("127.63.1.1, 127.63.1.8/30\n10.0.0.1-10.0.0.2")).hasSize(3);
	}

	@Test
	void refusesWithAReason() {
		assertThatThrownBy(() -> Ipv4Span.parse("2001:db8::/64")).hasMessageContaining("monitoring.range.notIpv4");
		assertThatThrownBy(() -> Ipv4Span.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("monitoring.range.backwards");
		assertThatThrownBy(() -> Ipv4Span.parse("10.0.0.300")).hasMessageContaining("monitoring.range.");
		assertThatThrownBy(() -> Ipv4Span.parse("<script>")).hasMessageContaining("monitoring.range.invalid");
		assertThatThrownBy(() -> Ipv4Span.parse("0.0.0.0/0")).hasMessageContaining("monitoring.range.tooLarge");
		assertThatThrownBy(() -> Ipv4Span.parseAll(" ")).hasMessageContaining("monitoring.range.empty");
	}

}
