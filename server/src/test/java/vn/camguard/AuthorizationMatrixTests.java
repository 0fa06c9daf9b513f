package vn.camguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.camguard.organization.OrganizationSetup;
import vn.camguard.organization.Role;
import vn.camguard.organization.UnitDirectory.UnitRef;
import vn.camguard.organization.user.UserStore;

/**
 * Walks every handler method (web and REST) against {@code authorization-matrix.csv}: a handler
 * without a row fails, and every row is called as each of the 8 roles granted inside the target's
 * unit subtree and on a sibling subtree, and anonymously, asserting the allow or deny the row states
 * for that role (the file's header explains its columns).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** Handlers that are not ours: documentation and Boot's error page (actuator uses its own mapping). */
	private static final List<String> EXCLUDED_HANDLER_PREFIXES = List.of("org.springdoc.",
			"org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	OrganizationSetup setup;

	@Autowired
	ObjectProvider<AuthorizationMatrixFixture> moduleFixtures;

	@Autowired
	UserStore userStore;

	private final AtomicLong counter = new AtomicLong();

	private TestTree tree;

	private final Map<Role, TestTree.TestUser> inside = new EnumMap<>(Role.class);

	private final Map<Role, TestTree.TestUser> outside = new EnumMap<>(Role.class);

	/**
	 * One handler: the request to send and, per role, whether a caller holding it inside the target's
	 * subtree and on the sibling subtree is allowed, and whether an anonymous caller is, all read from
	 * the file as written (a wrong production permission table cannot make its own expectations).
	 */
	record Row(String method, String pattern, String permission, String scope, String request, String body,
			Integer allowStatus, Map<Role, String> expected, boolean anonymousAllowed) {

		String key() {
			return method + " " + pattern;
		}

		boolean allows(Role role, boolean inScope) {
			return expected.get(role).charAt(inScope ? 0 : 1) == 'A';
		}

	}

	@BeforeAll
	void users() {
		tree = TestTree.create(setup);
		for (Role role : Role.values()) {
			inside.put(role, tree.user("in." + role.name().toLowerCase(), role, tree.districtA()));
			outside.put(role, tree.user("out." + role.name().toLowerCase(), role, tree.districtB()));
		}
	}

	@Test
	void everyHandlerHasARow() throws IOException {
		Set<String> rows = new TreeSet<>();
		matrix().forEach(row -> rows.add(row.key()));
		Set<String> handlers = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> entry : mappings
			.getHandlerMethods()
			.entrySet()) {
			String type = entry.getValue().getBeanType().getName();
			if (EXCLUDED_HANDLER_PREFIXES.stream().anyMatch(type::startsWith)) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : info.getPatternValues()) {
				for (String method : methods) {
					handlers.add(method + " " + pattern);
				}
			}
		}
		assertThat(rows).as("handler methods without a row in authorization-matrix.csv").containsAll(handlers);
		assertThat(handlers).as("rows in authorization-matrix.csv without a handler").containsAll(rows);
	}

	@TestFactory
	Stream<DynamicTest> everyRowAsEveryRoleInsideAndOutsideScope() throws IOException {
		return matrix().stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> check(row)));
	}

	private void check(Row row) throws Exception {
		List<String> failures = new ArrayList<>();
		for (Role role : Role.values()) {
			for (boolean inScope : new boolean[] { true, false }) {
				TestTree.TestUser caller = (inScope ? inside : outside).get(role);
				UnitRef callerUnit = inScope ? tree.districtA() : tree.districtB();
				MockHttpServletResponse response = perform(row, placeholders(row, callerUnit), caller);
				boolean expectAllowed = row.allows(role, inScope);
				String verdict = allowed(row, response) ? "allowed" : denied(response) ? "denied" : "unexpected";
				if (!verdict.equals(expectAllowed ? "allowed" : "denied")) {
					failures.add(role + (inScope ? " inside" : " outside") + ": expected "
							+ (expectAllowed ? "allowed" : "denied") + " but got " + response.getStatus() + " "
							+ response.getRedirectedUrl());
				}
			}
		}
		MockHttpServletResponse anonymous = perform(row, placeholders(row, tree.districtA()), null);
		if (row.anonymousAllowed()) {
			if (!allowed(row, anonymous)) {
				failures.add("anonymous: expected allowed but got " + anonymous.getStatus());
			}
		}
		else if (row.request().startsWith("/api/")) {
			if (anonymous.getStatus() != 401) {
				failures.add("anonymous: expected 401 but got " + anonymous.getStatus());
			}
		}
		else if (anonymous.getStatus() != 302 || !String.valueOf(anonymous.getRedirectedUrl()).contains("/login")) {
			failures.add("anonymous: expected redirect to /login but got " + anonymous.getStatus() + " "
					+ anonymous.getRedirectedUrl());
		}
		assertThat(failures).as(row.key()).isEmpty();
	}

	private static boolean allowed(Row row, MockHttpServletResponse response) {
		int status = response.getStatus();
		if (row.allowStatus() != null) {
			return status == row.allowStatus();
		}
		if (status >= 300 && status < 400) {
			String location = String.valueOf(response.getRedirectedUrl());
			return !location.contains("/login") && !location.contains("/account/password");
		}
		return status >= 200 && status < 300;
	}

	private static boolean denied(MockHttpServletResponse response) {
		return response.getStatus() == 403 || response.getStatus() == 404;
	}

	private Map<String, String> placeholders(Row row, UnitRef callerUnit) {
		String fresh = tree.prefix() + "X" + counter.incrementAndGet();
		UnitRef target = tree.unit("C" + counter.incrementAndGet(), "COMMUNE", tree.districtA());
		Map<String, String> values = new LinkedHashMap<>();
		values.put("{fresh}", fresh);
		values.put("{unit}", Long.toString(target.id()));
		values.put("{unitCode}", target.code());
		values.put("{parent}", Long.toString(tree.districtA().id()));
		values.put("{parentCode}", tree.districtA().code());
		values.put("{callerUnitCode}", callerUnit.code());
		String text = row.request() + " " + row.body();
		if (text.contains("{user}") || text.contains("{grant}")) {
			// written straight to the store: these users never sign in, so they need no (slow) bcrypt hash
			long subject = userStore.insert((tree.prefix() + ".s" + counter.incrementAndGet()).toLowerCase(), "Đối tượng",
					target.id(), "{noop}never-used-" + fresh, false);
			setup.grant(subject, Role.AUDITOR, target.id());
			values.put("{user}", Long.toString(subject));
			values.put("{grant}", Long.toString(userStore.grants(subject).get(0).id()));
		}
		moduleFixtures.orderedStream().forEach(fixture -> values.putAll(fixture.prepare(target, fresh)));
		return values;
	}

	private MockHttpServletResponse perform(Row row, Map<String, String> values, TestTree.TestUser caller)
			throws Exception {
		String path = fill(row.request(), values);
		String body = fill(row.body(), values);
		AbstractMockHttpServletRequestBuilder<?> request;
		if (body.startsWith("multipart:")) {
			byte[] content = body.substring("multipart:".length()).replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
			request = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(row.method()), path)
				.file(new MockMultipartFile("file", "units.csv", "text/csv", content));
		}
		else {
			request = MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), path);
			if (body.startsWith("form:")) {
				for (String pair : body.substring("form:".length()).split("&")) {
					int eq = pair.indexOf('=');
					request.param(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
			else if (body.startsWith("json:")) {
				request.contentType(MediaType.APPLICATION_JSON).content(body.substring("json:".length()));
			}
		}
		request.with(csrf());
		if (caller != null) {
			request.with(user(caller.principal()));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private static String fill(String template, Map<String, String> values) {
		String text = template;
		for (Map.Entry<String, String> value : values.entrySet()) {
			text = text.replace(value.getKey(), value.getValue());
		}
		return text;
	}

	/**
	 * The stated intent (permission, scope) and the stated outcomes must not contradict each other;
	 * this compares two columns of the file, never the production table.
	 */
	private static void consistentWithIntent(Row row) {
		boolean open = row.permission().equals("SIGNED_IN") || row.permission().equals("PUBLIC");
		for (Role role : Role.values()) {
			String value = row.expected().get(role);
			if (open) {
				assertThat(value).as(row.key() + " " + role + ": every signed-in caller").isEqualTo("AA");
			}
			else if (row.scope().equals("province")) {
				// only a grant on the province root reaches it; the matrix grants on a district and its sibling
				assertThat(value).as(row.key() + " " + role + ": the province's own").isEqualTo("DD");
			}
			else if (row.scope().equals("object")) {
				assertThat(value.charAt(1)).as(row.key() + " " + role + ": an object of another subtree").isEqualTo('D');
			}
			else if (row.scope().equals("object-or-province")) {
				// an object of the target unit, which a role reading the whole province also reaches from the sibling
				assertThat(value).as(row.key() + " " + role + ": the subtree's object, or the province's").isIn("AD", "AA",
						"DD");
			}
			else {
				assertThat(value.charAt(1)).as(row.key() + " " + role + ": a list is the same from any subtree")
					.isEqualTo(value.charAt(0));
			}
		}
		assertThat(row.anonymousAllowed()).as(row.key() + " anonymous").isEqualTo(row.permission().equals("PUBLIC"));
	}

	static List<Row> matrix() throws IOException {
		try (var in = AuthorizationMatrixTests.class.getResourceAsStream("/authorization-matrix.csv")) {
			var format = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.setCommentMarker('#')
				.setIgnoreEmptyLines(true)
				.get();
			List<Row> rows = new ArrayList<>();
			Map<String, Integer> seen = new HashMap<>();
			CSVParser parser = format.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (Role role : Role.values()) {
				assertThat(parser.getHeaderNames()).as("a column per role in authorization-matrix.csv")
					.contains(role.name());
			}
			for (CSVRecord record : parser) {
				String key = record.get("method").strip() + " " + record.get("pattern").strip();
				assertThat(record.isConsistent()).as(key + ": " + parser.getHeaderNames().size()
						+ " columns, one expectation per role and anonymous").isTrue();
				String allow = record.get("allow_status").strip();
				Map<Role, String> expected = new EnumMap<>(Role.class);
				for (Role role : Role.values()) {
					String value = record.get(role.name()).strip();
					assertThat(value).as(key + " " + role + " (inside, sibling)").matches("[AD][AD]");
					expected.put(role, value);
				}
				String anonymous = record.get("anonymous").strip();
				assertThat(anonymous).as(key + " anonymous").matches("[AD]");
				Row row = new Row(record.get("method").strip(), record.get("pattern").strip(),
						record.get("permission").strip(), record.get("scope").strip(), record.get("request").strip(),
						record.get("body").strip(), allow.isEmpty() ? null : Integer.valueOf(allow), expected,
						anonymous.equals("A"));
				assertThat(seen.put(row.key(), rows.size())).as("duplicate row " + row.key()).isNull();
				assertThat(row.scope()).as(row.key()).isIn("object", "object-or-province", "list", "province");
				consistentWithIntent(row);
				rows.add(row);
			}
			return rows;
		}
	}

}
