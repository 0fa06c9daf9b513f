package vn.camguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every message bundle has the same keys in Vietnamese and English (and the default file), and
 * every literal {@code #{key}} used by a template exists.
 */
class I18nCompletenessTests {

	private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

	@Test
	void vietnameseAndEnglishHaveTheSameKeysInEveryBundle() throws IOException {
		Set<String> bundles = new TreeSet<>();
		for (Resource resource : resources.getResources("classpath*:i18n/*.properties")) {
			bundles.add(resource.getFilename().replaceAll("(_vi|_en)?\\.properties$", ""));
		}
		assertThat(bundles).contains("messages");
		for (String bundle : bundles) {
			Set<String> vi = keys("i18n/" + bundle + "_vi.properties");
			Set<String> en = keys("i18n/" + bundle + "_en.properties");
			Set<String> base = keys("i18n/" + bundle + ".properties");
			assertThat(vi).as(bundle + ": keys missing in English").isSubsetOf(en);
			assertThat(en).as(bundle + ": keys missing in Vietnamese").isSubsetOf(vi);
			assertThat(base).as(bundle + ": default file has keys missing in vi/en").isSubsetOf(vi);
		}
	}

	@Test
	void everyMessageKeyUsedByATemplateExists() throws IOException {
		Set<String> known = new TreeSet<>();
		for (Resource resource : resources.getResources("classpath*:i18n/*_vi.properties")) {
			known.addAll(keys("i18n/" + resource.getFilename()));
		}
		Set<String> missing = new TreeSet<>();
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = MESSAGE_EXPRESSION.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(templates.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private Set<String> keys(String path) throws IOException {
		Resource resource = resources.getResource("classpath:" + path);
		assertThat(resource.exists()).as(path + " exists").isTrue();
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
