package vn.camguard.monitoring.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The parts of a job that scan at once never exceed the job's rate and concurrency together. */
class PartShareTests {

	@Test
	void theJobsLimitsAreDividedAmongThePartsThatMayScanAtOnce() {
		assertThat(PartShare.of(32, 100, 4)).isEqualTo(new PartShare(4, 8, 25));
		assertThat(PartShare.of(2, 1000, 4)).as("never more parts than devices at once").isEqualTo(new PartShare(2, 1, 500));
		assertThat(PartShare.of(8, 3, 4)).as("never more parts than connections a second").isEqualTo(new PartShare(3, 2, 1));
		assertThat(PartShare.of(10, 0, 4)).as("no rate limit stays none").isEqualTo(new PartShare(4, 2, 0));
		for (int concurrency = 1; concurrency <= 64; concurrency++) {
			for (int rate = 0; rate <= 64; rate++) {
				PartShare share = PartShare.of(concurrency, rate, 4);
				assertThat(share.parts() * share.concurrency()).isLessThanOrEqualTo(concurrency);
				assertThat(share.parts() * share.ratePerSecond()).isLessThanOrEqualTo(rate);
				assertThat(share.concurrency()).isPositive();
				assertThat(rate == 0 || share.ratePerSecond() > 0).isTrue();
			}
		}
	}

}
