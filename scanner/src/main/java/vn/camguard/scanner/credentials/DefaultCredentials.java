package vn.camguard.scanner.credentials;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import vn.camguard.scanner.auth.Credential;
import vn.camguard.scanner.data.Tsv;
import vn.camguard.scanner.fingerprint.VendorCatalogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Factory accounts per vendor, from {@code camera-default-credentials.csv} (a copy of
 * shared/data), plus the handful of common weak passwords tried with the vendor's admin user.
 * This is a short, fixed list per device, never a brute force.
 */
public final class DefaultCredentials {

	/** Weak passwords people set instead of the factory one (QCVN 135 group 1). */
	public static final List<String> WEAK_PASSWORDS = List.of("123456", "12345678", "admin123", "password", "111111");

	/** A factory account and the protocols it is documented for. */
	public record Entry(String vendor, Credential credential, Set<String> protocols) {
	}

	private final List<Entry> entries;

	private DefaultCredentials(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	public static DefaultCredentials load(VendorCatalogue vendors) {
		try (Reader reader = new InputStreamReader(Tsv.open("camera-default-credentials.csv"), StandardCharsets.UTF_8)) {
			List<Entry> entries = new ArrayList<>();
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
				String vendorCell = row.get("vendor");
				int paren = vendorCell.indexOf(" (");
				String vendor = vendors.canonical(paren > 0 ? vendorCell.substring(0, paren) : vendorCell);
				Set<String> protocols = new LinkedHashSet<>(Arrays.asList(row.get("protocols").split(";")));
				entries.add(new Entry(vendor, new Credential(row.get("username"), row.get("password")), protocols));
			}
			return new DefaultCredentials(entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Factory accounts of {@code vendor} usable over the network, in file order. Accounts documented only
	 * for telnet/FTP/SSH are kept: camera firmware shares one account store across its services. Only
	 * console-only accounts are left out.
	 */
	public List<Credential> factory(String vendor) {
		return entries.stream().filter(e -> e.vendor().equalsIgnoreCase(vendor))
				.filter(e -> !e.protocols().equals(Set.of("local-console")))
				.map(Entry::credential).distinct().toList();
	}

	/**
	 * The attempts for one device, at most {@code budget}: the vendor's first factory account, then the weak
	 * passwords with that account's user, then the vendor's other factory accounts. Unknown vendors get the
	 * common {@code admin} account instead.
	 */
	public List<Attempt> plan(String vendor, int budget) {
		List<Credential> factory = factory(vendor);
		String user = factory.isEmpty() ? "admin" : factory.getFirst().username();
		List<Attempt> plan = new ArrayList<>();
		if (!factory.isEmpty()) {
			plan.add(new Attempt(factory.getFirst(), Kind.FACTORY));
		}
		for (String weak : WEAK_PASSWORDS) {
			plan.add(new Attempt(new Credential(user, weak), Kind.WEAK));
		}
		for (Credential other : factory.stream().skip(1).toList()) {
			plan.add(new Attempt(other, Kind.FACTORY));
		}
		return plan.stream().distinct().limit(Math.max(0, budget)).toList();
	}

	/** Whether a credential that worked is a factory one or a weak one. */
	public enum Kind {
		FACTORY, WEAK
	}

	/** One planned login attempt. */
	public record Attempt(Credential credential, Kind kind) {
	}

}
