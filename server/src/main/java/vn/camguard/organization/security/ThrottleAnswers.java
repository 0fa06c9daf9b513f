package vn.camguard.organization.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * How a throttled sign-in is answered: the sign-in page says how long to wait (the same words whether
 * or not the account exists), a script gets 429 with Retry-After. Other failures are answered as before.
 */
final class ThrottleAnswers {

	private ThrottleAnswers() {
	}

	static final class FormFailure extends SimpleUrlAuthenticationFailureHandler {

		FormFailure(String failureUrl) {
			super(failureUrl);
		}

		@Override
		public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			if (exception instanceof SignInThrottled throttled) {
				getRedirectStrategy().sendRedirect(request, response, "/login?wait=" + throttled.waitSeconds());
				return;
			}
			super.onAuthenticationFailure(request, response, exception);
		}

	}

	static final class BasicEntryPoint implements AuthenticationEntryPoint {

		private final AuthenticationEntryPoint challenge;

		BasicEntryPoint(AuthenticationEntryPoint challenge) {
			this.challenge = challenge;
		}

		@Override
		public void commence(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) throws IOException, ServletException {
			if (exception instanceof SignInThrottled throttled) {
				response.setStatus(429);
				response.setHeader("Retry-After", Long.toString(throttled.waitSeconds()));
				response.setContentType("application/json;charset=UTF-8");
				response.getWriter()
					.write("{\"status\":429,\"error\":\"sign_in_throttled\",\"message\":\"Too many failed sign-ins from this address: wait "
							+ throttled.waitSeconds() + " seconds, then try again.\",\"retryAfterSeconds\":"
							+ throttled.waitSeconds() + "}");
				return;
			}
			challenge.commence(request, response, exception);
		}

	}

}
