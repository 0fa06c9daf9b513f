package vn.camguard.web;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.stereotype.Component;

/**
 * A form posted after its session expired fails the CSRF check (the token lived in the old session).
 * Instead of the "no permission" page, the user is sent to sign in with a message, and what was
 * typed waits in the new session; after sign-in the user lands on the form's page, where
 * {@link InterruptedFormReturn} and camguard.js put the values back for checking and submitting
 * again (nothing is submitted on the user's behalf).
 * <p>
 * Only for a post from our own pages (Origin, else Referer, of this server): a cross-site post also
 * arrives without session (the SameSite cookie is not sent) and keeps the plain 403, so another site
 * cannot prefill our forms. Passwords, files and the CSRF token are never kept. Every other refusal
 * (wrong token in a live session, missing rights) stays the 403 page.
 */
@Component
class ExpiredSessionForms implements AccessDeniedHandler {

	static final String SIGN_IN_AGAIN = "/login?expired";

	/** Where {@link HttpSessionRequestCache} keeps the page to return to after sign-in (its default name). */
	static final String SAVED_REQUEST = "SPRING_SECURITY_SAVED_REQUEST";

	/** Enough for any of our forms; a hostile post cannot park much in a session. */
	private static final int MAX_FIELDS = 60;

	private static final int MAX_VALUE_LENGTH = 4000;

	/** Form posts whose form page is another page (create: .../new, edit: .../edit, sub-actions: the detail page). */
	private static final Pattern INVENTORY_CREATE = Pattern.compile("^/inventory/(cameras|systems|sites)$");

	private static final Pattern INVENTORY_UPDATE = Pattern.compile("^/inventory/(cameras|systems|sites)/\\d+$");

	private static final Pattern ORGANIZATION_CREATE = Pattern.compile("^/(units|users)$");

	private static final Pattern ORGANIZATION_DETAIL = Pattern.compile("^(/(?:units|users)/\\d+)(/.*)?$");

	private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		if (!(denied instanceof MissingCsrfTokenException) || !sessionGone(request) || !fromOurPages(request)) {
			otherwise.handle(request, response, denied);
			return;
		}
		String contextPath = request.getContextPath();
		String path = request.getRequestURI().substring(contextPath.length());
		if (!path.equals("/login") && !path.equals("/logout")) {
			String page = formPage(request, path);
			var session = request.getSession(true);
			session.setAttribute(InterruptedForm.SESSION_ATTRIBUTE,
					new InterruptedForm(request.getRequestURI(), page, typedFields(request)));
			// the page to return to after sign-in, read by Spring Security's success handler
			session.setAttribute(SAVED_REQUEST, new SimpleSavedRequest(page));
		}
		if (request.getHeader("HX-Request") != null) {
			// htmx would swap a redirected sign-in page into a fragment; HX-Redirect makes it load the page
			response.setHeader("HX-Redirect", contextPath + SIGN_IN_AGAIN);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(contextPath + SIGN_IN_AGAIN);
		}
	}

	private static boolean sessionGone(HttpServletRequest request) {
		return request.getRequestedSessionId() == null || !request.isRequestedSessionIdValid();
	}

	private static boolean fromOurPages(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin != null && !origin.equals("null")) {
			return sameOrigin(request, origin);
		}
		String referer = request.getHeader("Referer");
		return referer != null && sameOrigin(request, referer);
	}

	private static boolean sameOrigin(HttpServletRequest request, String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return false;
			}
			int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
			String host = uri.getHost().replace("[", "").replace("]", "");
			return uri.getScheme().equalsIgnoreCase(request.getScheme())
					&& host.equalsIgnoreCase(request.getServerName().replace("[", "").replace("]", ""))
					&& port == request.getServerPort();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The page the form was on: where the browser says it came from, else the known form page of the post. */
	static String formPage(HttpServletRequest request, String path) {
		String referer = request.getHeader("Referer");
		if (referer != null && sameOrigin(request, referer)) {
			URI uri = URI.create(referer);
			String contextPath = request.getContextPath();
			String refererPath = uri.getRawPath() == null ? "" : uri.getRawPath();
			if (refererPath.startsWith(contextPath)) {
				refererPath = refererPath.substring(contextPath.length());
				// a form shown again after refused input has the post's own URL, which may not show it
				if (!refererPath.isEmpty() && !refererPath.equals(path) && !refererPath.equals("/login")) {
					return uri.getRawQuery() == null ? refererPath : refererPath + "?" + uri.getRawQuery();
				}
			}
		}
		if (INVENTORY_CREATE.matcher(path).matches() || ORGANIZATION_CREATE.matcher(path).matches()) {
			return path + "/new";
		}
		if (INVENTORY_UPDATE.matcher(path).matches()) {
			return path + "/edit";
		}
		Matcher detail = ORGANIZATION_DETAIL.matcher(path);
		if (detail.matches()) {
			return detail.group(1);
		}
		return "/";
	}

	private static Map<String, List<String>> typedFields(HttpServletRequest request) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		String contentType = request.getContentType();
		if (contentType == null || !contentType.toLowerCase(Locale.ROOT)
			.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			return fields; // multipart: only a file to choose again, nothing typed worth keeping
		}
		for (var field : request.getParameterMap().entrySet()) {
			String name = field.getKey();
			if (fields.size() >= MAX_FIELDS) {
				break;
			}
			if (name.equals("_csrf") || name.toLowerCase(Locale.ROOT).contains("password")) {
				continue;
			}
			fields.put(name, Arrays.stream(field.getValue())
				.limit(MAX_FIELDS)
				.map(value -> value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value)
				.toList());
		}
		return fields;
	}

}
