package vn.camguard.levels.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.camguard.audit.AuditTrail;
import vn.camguard.levels.domain.Framework;
import vn.camguard.levels.domain.FrameworkItem;
import vn.camguard.levels.domain.FrameworkVersion;
import vn.camguard.levels.domain.ItemKind;
import vn.camguard.levels.domain.LocalizedText;
import vn.camguard.levels.persistence.CalendarStore;
import vn.camguard.levels.persistence.FrameworkStore;

/**
 * Loads the shipped reference data (classpath:levels/frameworks.json and public-holidays.json,
 * taken from security-levels.md) into the tables at start. Idempotent: a framework version or a
 * calendar day already present is left alone, so an administrator's corrections (later versions)
 * survive restarts, and two instances starting together insert each row once (the loser of a race
 * meets the unique key and skips).
 */
@Component
@Order(20)
class LevelReferenceSeeder implements ApplicationRunner {

	static final String ACTOR = "system";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final FrameworkStore frameworks;

	private final CalendarStore calendar;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	LevelReferenceSeeder(FrameworkStore frameworks, CalendarStore calendar, AuditTrail audit,
			TransactionTemplate transaction) {
		this.frameworks = frameworks;
		this.calendar = calendar;
		this.audit = audit;
		this.transaction = transaction;
	}

	/** The shipped file's shape. */
	record SeedFrameworks(List<SeedFramework> frameworks) {
	}

	record SeedFramework(String code, int version, String nameVi, String nameEn, String legalBasis, LocalDate validFrom,
			LocalDate validUntil, LocalDate transitionUntil, boolean validityVerified, String validitySource,
			List<SeedItem> items) {
	}

	record SeedItem(String key, ItemKind kind, Integer levelMin, Integer levelMax, String vi, String en, Integer amount,
			String amountUnit, String roleKey, Map<String, List<String>> when, List<FrameworkItem.Answer> answers,
			String reference, boolean verified, String source) {
	}

	record SeedFixed(int month, int day, String vi, String en, boolean verified, String source) {
	}

	record SeedDay(LocalDate date, String kind, String vi, String en, boolean verified, String source) {
	}

	record SeedHolidays(List<SeedFixed> fixed, List<SeedDay> days) {
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SeedFramework seed : read("levels/frameworks.json", SeedFrameworks.class).frameworks()) {
			try {
				transaction.executeWithoutResult(status -> seedFramework(seed));
			}
			catch (DuplicateKeyException anotherInstanceWasFaster) {
				// the other instance wrote the same version; nothing left to do
			}
		}
		SeedHolidays holidays = read("levels/public-holidays.json", SeedHolidays.class);
		try {
			transaction.executeWithoutResult(status -> seedCalendar(holidays));
		}
		catch (DuplicateKeyException anotherInstanceWasFaster) {
			// as above
		}
	}

	/** The frameworks of the shipped file as they are written to the tables (id 0, nothing stored). */
	static List<Framework> shippedFrameworks() {
		return read("levels/frameworks.json", SeedFrameworks.class).frameworks()
			.stream()
			.map(LevelReferenceSeeder::framework)
			.toList();
	}

	private static Framework framework(SeedFramework seed) {
		List<FrameworkItem> items = new ArrayList<>();
		for (SeedItem item : seed.items()) {
			items.add(new FrameworkItem(item.key(), item.kind(), (items.size() + 1) * 10, item.levelMin(),
					item.levelMax(), new LocalizedText(item.vi(), item.en()), item.amount(), item.amountUnit(),
					item.roleKey(), item.when(), item.answers(), item.reference(), item.verified(), item.source()));
		}
		FrameworkVersion version = new FrameworkVersion(0, seed.code(), seed.version(),
				new LocalizedText(seed.nameVi(), seed.nameEn()), seed.legalBasis(), seed.validFrom(), seed.validUntil(),
				seed.transitionUntil(), seed.validityVerified(), seed.validitySource(), null,
				"shipped with CamGuard from security-levels.md", ACTOR, OffsetDateTime.now(ZoneOffset.UTC), true);
		return new Framework(version, items);
	}

	private void seedFramework(SeedFramework seed) {
		if (frameworks.exists(seed.code(), seed.version())) {
			completeCatalogue(seed);
			return;
		}
		Framework framework = framework(seed);
		long id = frameworks.insert(framework.version(), framework.items());
		audit.recordFor(ACTOR, "level.framework.seed", "level-framework", Long.toString(id), null, null,
				Map.of("code", seed.code(), "version", seed.version(), "items", framework.items().size()));
	}

	/**
	 * A version stored before CamGuard shipped requirement catalogues gets the shipped catalogue of the
	 * same version: a kind of item the version never had, so no rule, part, body or limit a
	 * determination or dossier used changes.
	 */
	private void completeCatalogue(SeedFramework seed) {
		long id = frameworks.versionId(seed.code(), seed.version()).orElseThrow();
		boolean hasCatalogue = frameworks.items(id).stream().anyMatch(i -> i.kind() == ItemKind.REQUIREMENT);
		List<FrameworkItem> catalogue = framework(seed).ofKind(ItemKind.REQUIREMENT);
		if (hasCatalogue || catalogue.isEmpty()) {
			return;
		}
		frameworks.insertItems(id, catalogue);
		audit.recordFor(ACTOR, "level.framework.seed", "level-framework", Long.toString(id), null, null,
				Map.of("code", seed.code(), "version", seed.version(), "requirements", catalogue.size()));
	}

	private void seedCalendar(SeedHolidays holidays) {
		int inserted = 0;
		for (SeedFixed fixed : holidays.fixed()) {
			inserted += calendar.insertIfAbsent(new CalendarStore.FixedHoliday(fixed.month(), fixed.day(), fixed.vi(),
					fixed.en(), fixed.verified(), fixed.source())) ? 1 : 0;
		}
		for (SeedDay day : holidays.days()) {
			inserted += calendar.insertIfAbsent(new CalendarStore.CalendarDay(day.date(), day.kind(), day.vi(), day.en(),
					day.verified(), day.source())) ? 1 : 0;
		}
		if (inserted > 0) {
			audit.recordFor(ACTOR, "calendar.seed", "working-calendar", null, null, null, Map.of("rows", inserted));
		}
	}

	private static <T> T read(String path, Class<T> type) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return JSON.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + path, ex);
		}
	}

}
