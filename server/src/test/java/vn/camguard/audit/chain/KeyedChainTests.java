package vn.camguard.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.camguard.audit.AuditLog;
import vn.camguard.audit.AuditTrail;

/**
 * The chain keyed with a secret outside the database: a tail rewritten without the key (with the
 * old unkeyed hash, or with another key) fails verification at the first rewritten entry; an
 * exported signed head verifies, and stops verifying once the tail is cut off; on PostgreSQL the
 * application's database user cannot change or delete audit rows at all.
 */
@SpringBootTest
class KeyedChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditLog log;

	@Autowired
	AuditKey key;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void newEntriesAreKeyedWithTheKeyOutsideTheDatabase() {
		trail.recordFor("keyed", "test.keyed", "test", "1", null, null, Map.of("a", 1));
		var row = new Tampering(dataSource).rowsFrom(lastSeq()).get(0);
		assertThat(row.version()).isEqualTo(AuditChain.KEYED);
		assertThat(row.keyId()).isEqualTo(key.id());
		assertThat(row.entry().hash()).isEqualTo(AuditChain.keyed(key, row.entry()))
			.isNotEqualTo(AuditChain.hash(row.entry()));
	}

	@Test
	void aTailRehashedWithTheOldUnkeyedAlgorithmFailsAtItsFirstEntry() {
		assertForgeryCaught(entry -> new Tampering.Row(Tampering.withHash(entry, AuditChain.hash(entry)),
				AuditChain.UNKEYED, null), "version");
	}

	@Test
	void aTailRehashedWithAnotherKeyFailsAtItsFirstEntry() {
		AuditKey forgersKey = new AuditKey(randomKey());
		// claiming the real key's id does not help: the HMAC does not match
		assertForgeryCaught(entry -> new Tampering.Row(Tampering.withHash(entry, AuditChain.keyed(forgersKey, entry)),
				AuditChain.KEYED, key.id()), "hash");
		// and under its own id the entry names a key this instance does not hold
		assertForgeryCaught(entry -> new Tampering.Row(Tampering.withHash(entry, AuditChain.keyed(forgersKey, entry)),
				AuditChain.KEYED, forgersKey.id()), "key");
	}

	private void assertForgeryCaught(Tampering.Rehash rehash, String reason) {
		for (int i = 0; i < 4; i++) {
			trail.recordFor("forger", "test.forge", "test", Integer.toString(i), null, null, Map.of("amount", i));
		}
		Tampering tampering = new Tampering(dataSource);
		long victim = lastSeq() - 2;
		var originals = tampering.rowsFrom(victim);
		long headSeq = lastSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		try {
			tampering.rewriteTail(victim, "{\"amount\":9000}", rehash);
			// every link of the rewritten tail is consistent: only the key can tell
			assertThat(jdbc.sql("SELECT last_hash FROM audit_head WHERE id = 1").query(String.class).single())
				.isNotEqualTo(headHash);
			AuditLog.ChainVerification result = log.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenSeq()).hasValue(victim);
			assertThat(result.reason()).isEqualTo(reason);
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void anExportedHeadVerifiesUntilTheTailIsCutOff() {
		trail.recordFor("head", "test.head", "test", "1", null, null, Map.of("n", 1));
		AuditLog.SignedHead head = log.signedHead();
		assertThat(head.seq()).isEqualTo(lastSeq());
		assertThat(head.keyId()).isEqualTo(key.id());
		assertThat(log.check(head).matches()).isTrue();

		trail.recordFor("head", "test.head", "test", "2", null, null, Map.of("n", 2));
		assertThat(log.check(head).matches()).as("later entries keep the head").isTrue();

		var altered = new AuditLog.SignedHead(head.seq() + 1, head.at(), head.hash(), head.keyId(), head.signature());
		assertThat(log.check(altered).reason()).isEqualTo("signature");

		Tampering tampering = new Tampering(dataSource);
		var originals = tampering.rowsFrom(head.seq());
		long headSeq = lastSeq();
		String headHash = originals.get(originals.size() - 1).entry().hash();
		try {
			// cut off the tail from the exported entry on, and move the head back: the chain itself is whole
			tampering.asOwner(db -> {
				db.sql("DELETE FROM audit_entry WHERE seq >= :seq").param("seq", head.seq()).update();
				db.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
					.param("seq", head.seq() - 1)
					.param("hash", originals.get(0).entry().prevHash())
					.update();
			});
			assertThat(log.verify().intact()).as("a cut-off tail leaves an intact chain").isTrue();
			AuditLog.HeadCheck check = log.check(head);
			assertThat(check.matches()).isFalse();
			assertThat(check.reason()).isEqualTo("missing");
		}
		finally {
			tampering.restore(originals, headSeq, headHash);
		}
		assertThat(log.check(head).matches()).isTrue();
	}

	@Test
	void onPostgresqlTheApplicationsUserCannotChangeOrDeleteAuditRows() {
		assumeTrue(Tampering.isPostgres(dataSource), "PostgreSQL only (CI runs the suite on both)");
		trail.recordFor("pg", "test.append-only", "test", "1", null, null, Map.of("n", 1));
		long seq = lastSeq();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET after_json = '{}' WHERE seq = :seq")
			.param("seq", seq)
			.update()).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE seq = :seq").param("seq", seq).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE audit_entry").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_head SET last_seq = last_seq - 1 WHERE id = 1").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("forward");
		assertThat(new Tampering(dataSource).rowsFrom(seq)).isNotEmpty();
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void theKeyFileIsCreatedOnceOwnerOnlyAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("sub/audit.key");
		byte[] first = AuditKey.load("", file);
		assertThat(first).hasSize(AuditKey.KEY_BYTES);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(AuditKey.load(null, file)).isEqualTo(first);
		byte[] fromEnvironment = randomKey();
		assertThat(AuditKey.load(Base64.getEncoder().encodeToString(fromEnvironment), file)).isEqualTo(fromEnvironment);
		assertThat(new AuditKey(first).id()).isNotEqualTo(new AuditKey(fromEnvironment).id());
		assertThatThrownBy(() -> AuditKey.load("not base64 !", file)).hasMessageNotContaining("not base64 !");
		assertThatThrownBy(() -> new AuditKey(new byte[8])).isInstanceOf(IllegalStateException.class);
	}

	private long lastSeq() {
		return jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	private static byte[] randomKey() {
		byte[] bytes = new byte[AuditKey.KEY_BYTES];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
