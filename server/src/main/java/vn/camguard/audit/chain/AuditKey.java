package vn.camguard.audit.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit secret, kept outside the database: from {@code CAMGUARD_AUDIT_KEY} (base64) when set,
 * otherwise from the file {@code camguard.audit.key-file}, which is created on the first start with
 * 32 random bytes readable by the owner only. The secret itself is never logged or shown; what
 * leaves this class are HMACs and a short fingerprint (key id) that tells which key signed a row.
 * Separate keys are derived for the chain and for exported heads, so neither MAC can stand in for
 * the other. Several instances on one database must be given the same key.
 */
@Component
class AuditKey {

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	static final int KEY_BYTES = 32;

	private final SecretKeySpec chainKey;

	private final SecretKeySpec headKey;

	private final String id;

	@Autowired
	AuditKey(@Value("${CAMGUARD_AUDIT_KEY:}") String environmentKey,
			@Value("${camguard.audit.key-file:./data/audit.key}") Path file) {
		this(load(environmentKey, file));
	}

	AuditKey(byte[] secret) {
		if (secret.length < KEY_BYTES) {
			throw new IllegalStateException("the audit key must have at least " + KEY_BYTES + " bytes");
		}
		SecretKeySpec master = new SecretKeySpec(secret, "HmacSHA256");
		this.chainKey = new SecretKeySpec(mac(master, "camguard audit chain"), "HmacSHA256");
		this.headKey = new SecretKeySpec(mac(master, "camguard audit head"), "HmacSHA256");
		this.id = HexFormat.of().formatHex(mac(master, "camguard audit key id")).substring(0, 16);
	}

	/** Fingerprint of the key, stored with every keyed entry. */
	String id() {
		return id;
	}

	/** HMAC-SHA256 of an entry's canonical text, hex. */
	String chainMac(String canonical) {
		return HexFormat.of().formatHex(mac(chainKey, canonical));
	}

	/** HMAC-SHA256 of an exported head's canonical text, hex. */
	String headMac(String canonical) {
		return HexFormat.of().formatHex(mac(headKey, canonical));
	}

	/** Compares two hex MACs in time independent of where they differ. */
	static boolean sameMac(String expected, String given) {
		return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] mac(SecretKeySpec key, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java platform has HmacSHA256", ex);
		}
	}

	static byte[] load(String environmentKey, Path file) {
		if (environmentKey != null && !environmentKey.isBlank()) {
			log.info("Audit key taken from CAMGUARD_AUDIT_KEY");
			return decode(environmentKey, "CAMGUARD_AUDIT_KEY");
		}
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			else if (readableByOthers(file)) {
				log.warn("Audit key file {} can be read by other users of this machine; chmod 600 it", file);
			}
			log.info("Audit key taken from {}", file.toAbsolutePath());
			return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the audit key file " + file.toAbsolutePath(), ex);
		}
	}

	private static void create(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		byte[] secret = new byte[KEY_BYTES];
		new SecureRandom().nextBytes(secret);
		byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(
						Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
			}
			else {
				Files.createFile(file);
			}
			Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
			log.warn("Created a new audit key in {}: keep a copy in a safe place; without it the audit log "
					+ "can no longer be verified", file.toAbsolutePath());
		}
		catch (FileAlreadyExistsException ex) {
			// another process created it first: use that one
		}
	}

	private static boolean readableByOthers(Path file) throws IOException {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return false;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		return permissions.contains(PosixFilePermission.GROUP_READ)
				|| permissions.contains(PosixFilePermission.OTHERS_READ);
	}

	private static byte[] decode(String text, String source) {
		try {
			return Base64.getDecoder().decode(text.strip());
		}
		catch (IllegalArgumentException ex) {
			// the message names the source only, never the text
			throw new IllegalStateException("the audit key in " + source + " is not base64");
		}
	}

}
