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

	/** How many of the most common factory accounts an unknown vendor's device is asked before weak passwords. */
	static final int COMMON_FIRST = 5;

	private final List<Entry> entries;

	private final List<Credential> common;

	private DefaultCredentials(List<Entry> entries) {
		this.entries = List.copyOf(entries);
		this.common = byCommonness(this.entries);
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
	 * The attempts for one device, at most {@code budget}. A known vendor: all its factory accounts (file order),
	 * then the weak passwords with its first account's user. An unknown vendor: the {@value #COMMON_FIRST} factory
	 * accounts the file names most often across vendors, then the weak passwords with {@code admin}, then the
	 * other common factory accounts.
	 */
	public List<Attempt> plan(String vendor, int budget) {
		List<Credential> factory = factory(vendor);
		List<Attempt> plan = new ArrayList<>();
		if (!factory.isEmpty()) {
			factory.forEach(c -> plan.add(new Attempt(c, Kind.FACTORY)));
			weak(factory.getFirst().username(), plan);
		}
		else {
			common.stream().limit(COMMON_FIRST).forEach(c -> plan.add(new Attempt(c, Kind.FACTORY)));
			weak("admin", plan);
			common.stream().skip(COMMON_FIRST).forEach(c -> plan.add(new Attempt(c, Kind.FACTORY)));
		}
		// A weak password that is also a factory account already planned is tried once, as the factory one.
		List<Attempt> distinct = new ArrayList<>();
		Set<Credential> seen = new java.util.HashSet<>();
		for (Attempt attempt : plan) {
			if (seen.add(attempt.credential())) {
				distinct.add(attempt);
			}
		}
		return distinct.stream().limit(Math.max(0, budget)).toList();
	}

	private static void weak(String user, List<Attempt> plan) {
		for (String weak : WEAK_PASSWORDS) {
			plan.add(new Attempt(new Credential(user, weak), Kind.WEAK));
		}
	}

	/** The network factory accounts of every vendor, the ones most vendors share first (file order on ties). */
	public List<Credential> common() {
		return common;
	}

	private static List<Credential> byCommonness(List<Entry> entries) {
		java.util.Map<Credential, Long> vendorsPer = new java.util.LinkedHashMap<>();
		entries.stream().filter(e -> !e.protocols().equals(Set.of("local-console")))
				.map(e -> java.util.Map.entry(e.credential(), e.vendor().toLowerCase(java.util.Locale.ROOT))).distinct()
				.forEach(e -> vendorsPer.merge(e.getKey(), 1L, Long::sum));
		List<Credential> ordered = new ArrayList<>(vendorsPer.keySet());
		// A stable sort keeps the file's order among accounts named by as many vendors.
		ordered.sort(java.util.Comparator.comparingLong((Credential c) -> vendorsPer.get(c)).reversed());
		return List.copyOf(ordered);
	}

	/** Whether a credential that worked is a factory one or a weak one. */
	public enum Kind {
		FACTORY, WEAK
	}

	/** One planned login attempt. */
	public record Attempt(Credential credential, Kind kind) {
	}

}
