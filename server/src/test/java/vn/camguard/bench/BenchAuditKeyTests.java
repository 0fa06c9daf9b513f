package vn.camguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each bench database has its own audit key file, whichever benchmark opens it. */
class BenchAuditKeyTests {

	@Test
	void theKeyFileFollowsTheDatabaseName() {
		assertThat(BenchmarkClients.auditKeyFile("jdbc:postgresql://127.0.0.1:5432/camguard_levels_bench"))
			.isNotEqualTo(BenchmarkClients.auditKeyFile("jdbc:postgresql://127.0.0.1:5432/camguard_findings_bench"));
		assertThat(BenchmarkClients.auditKeyFile("jdbc:postgresql://127.0.0.1:5432/camguard_bench?reWriteBatchedInserts=true"))
			.isEqualTo(BenchmarkClients.auditKeyFile("jdbc:postgresql://localhost/camguard_bench"));
		assertThat(BenchmarkClients.auditKeyFile("jdbc:postgresql://127.0.0.1:5432/../x").getFileName().toString())
			.isEqualTo("camguard-bench-audit-x.key");
	}

}
