package vn.camguard.products.application;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import vn.camguard.products.domain.KnownCve;

/** The camera CVE list shipped with the application ({@code products/camera-cves.csv}, from shared/data). */
@Component
public class KnownCves {

	private final List<KnownCve> cves;

	KnownCves() {
		this.cves = load();
	}

	public List<KnownCve> all() {
		return cves;
	}

	private static List<KnownCve> load() {
		var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = new InputStreamReader(KnownCves.class.getResourceAsStream("/products/camera-cves.csv"),
				StandardCharsets.UTF_8)) {
			List<KnownCve> list = new ArrayList<>();
			for (CSVRecord record : format.parse(reader)) {
				list.add(new KnownCve(record.get("cve"), record.get("vendor"), record.get("product_family"),
						record.get("affected_versions"), record.get("fixed_version"), record.get("cvss"),
						record.get("kind"), record.get("source")));
			}
			return List.copyOf(list);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
