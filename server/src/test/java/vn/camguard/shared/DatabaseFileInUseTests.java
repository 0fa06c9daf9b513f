package vn.camguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

class DatabaseFileInUseTests {

	@Test
	void aSecondInstanceOnTheSameH2FileIsToldWhatToDo() {
		Exception startFailure = new IllegalStateException("Failed to initialize dependency 'flyway'",
				new RuntimeException("Unable to obtain connection from database",
						DbException.get(ErrorCode.DATABASE_ALREADY_OPEN_1, "/srv/camguard/data/camguard.mv.db")
							.getSQLException()));

		FailureAnalysis analysis = new DatabaseFileInUse().analyze(startFailure);

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("already in use by another process")
			.contains("/srv/camguard/data/camguard.mv.db");
		assertThat(analysis.getAction()).contains("--server.port=").contains("--spring.datasource.url=");
	}

	@Test
	void otherFailuresAreLeftToSpringBoot() {
		assertThat(new DatabaseFileInUse().analyze(new IllegalStateException("something else"))).isNull();
	}

	@Test
	void springBootFindsTheAnalyzer() throws IOException {
		List<String> analyzers = new ArrayList<>();
		for (URL url : Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
			Properties factories = PropertiesLoaderUtils.loadProperties(new UrlResource(url));
			analyzers.add(factories.getProperty(FailureAnalyzer.class.getName(), ""));
		}
		assertThat(analyzers).anyMatch(names -> names.contains(DatabaseFileInUse.class.getName()));
	}

}
