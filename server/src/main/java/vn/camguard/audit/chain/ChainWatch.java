package vn.camguard.audit.chain;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditLog.ChainVerification;
import vn.camguard.schedule.RecurringWork;

/**
 * Keeps watch over the chain: at start-up it seals entries written before the chain was keyed and
 * verifies the whole chain; then the verification runs every {@code camguard.audit.verify-interval}
 * (once across all instances, through the platform scheduler). A broken chain is logged at ERROR,
 * recorded for the audit page's banner, and turns the {@code auditChain} health indicator DOWN.
 */
@Configuration(proxyBeanMethods = false)
class ChainWatch {

	private static final Logger log = LoggerFactory.getLogger(ChainWatch.class);

	static final String TASK = "audit-chain-verification";

	private final AuditLog audit;

	private final ChainedAuditTrail trail;

	ChainWatch(AuditLog audit, ChainedAuditTrail trail) {
		this.audit = audit;
		this.trail = trail;
	}

	@Bean
	ApplicationRunner auditChainStartupCheck() {
		return (ApplicationArguments arguments) -> {
			long anchored = trail.anchorUnkeyedEntries();
			if (anchored > 0) {
				log.warn("Audit log: {} entries written before the chain was keyed are now sealed by a keyed entry",
						anchored);
			}
			verify();
		};
	}

	@Bean
	RecurringWork auditChainVerification(@Value("${camguard.audit.verify-interval:1h}") Duration interval) {
		return new RecurringWork(TASK, interval, this::verify);
	}

	@Bean
	HealthIndicator auditChain() {
		return () -> {
			AuditLog.ChainStatus status = audit.status();
			if (status.checkedAt() == null) {
				return Health.unknown().build();
			}
			ChainVerification verification = status.verification();
			Health.Builder health = verification.intact() ? Health.up() : Health.down()
				.withDetail("firstBadEntry", verification.firstBrokenSeq().getAsLong())
				.withDetail("reason", verification.reason());
			return health.withDetail("checked", verification.checked())
				.withDetail("checkedAt", status.checkedAt().toString())
				.build();
		};
	}

	ChainVerification verify() {
		ChainVerification result = audit.verify();
		if (!result.intact()) {
			log.error("Audit log verification FAILED: first bad entry #{} ({}), {} entries before it intact",
					result.firstBrokenSeq().getAsLong(), result.reason(), result.checked());
		}
		else {
			log.info("Audit log verified: {} entries intact", result.checked());
		}
		return result;
	}

}
