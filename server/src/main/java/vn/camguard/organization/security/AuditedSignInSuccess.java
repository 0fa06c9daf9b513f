package vn.camguard.organization.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import vn.camguard.organization.user.SignInThrottle;

/**
 * Records a form sign-in in the audit log, keeps the failed sign-ins the user has not been told
 * about for the next page to show, then goes on as usual (to the page asked for before, or home).
 * HTTP Basic calls do not pass here: each script call is not a sign-in worth an entry.
 */
class AuditedSignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

	private final SignInEvents signIns;

	AuditedSignInSuccess(SignInEvents signIns) {
		this.signIns = signIns;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		signIns.signedIn(authentication)
			.ifPresent(notice -> request.getSession().setAttribute(SignInThrottle.Notice.SESSION_ATTRIBUTE, notice));
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
