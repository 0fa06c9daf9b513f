package vn.camguard.organization.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.camguard.organization.access.SignedInUser;
import vn.camguard.organization.user.UserStore;

/**
 * Sends a user who must change its password to the change page whatever it asks for (REST calls
 * get 403), and ends the session of a user disabled meanwhile, or one that signed in before the
 * user's password last changed (other than the session that changed it). All of it is read from the
 * database on each request, so an administrator's reset or disable takes effect on a running
 * session too, on every server instance.
 */
class ForcedPasswordChangeFilter extends OncePerRequestFilter {

	static final String CHANGE_PAGE = "/account/password";

	static final String PASSWORD_CHANGE_REQUIRED = """
			{"status":403,"error":"password_change_required",\
			"message":"This account must choose a new password first: POST /api/v1/me/password or sign in at /account/password."}""";

	private final UserStore users;

	ForcedPasswordChangeFilter(UserStore users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			UserStore.SessionState state = users.sessionState(user.userId());
			boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
			boolean signedInBeforePasswordChange = state.credentialsChangedAt() != null
					&& user.signedInAt().isBefore(state.credentialsChangedAt());
			if (!state.enabled() || signedInBeforePasswordChange) {
				// disabled while signed in, or the password changed since (maybe because this session was
				// stolen): the session ends now, not when it times out
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				if (api) {
					response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login");
				}
				return;
			}
			if (state.mustChangePassword() && !exempt(request)) {
				if (api) {
					// a script cannot follow the browser's redirect, so the answer itself says what to do
					response.setStatus(HttpServletResponse.SC_FORBIDDEN);
					response.setContentType("application/json;charset=UTF-8");
					response.getWriter().write(PASSWORD_CHANGE_REQUIRED);
				}
				else {
					response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(CHANGE_PAGE) || path.equals("/api/v1/me/password") || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error") || path.equals("/favicon.ico");
	}

}
