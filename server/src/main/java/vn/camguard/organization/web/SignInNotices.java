package vn.camguard.organization.web;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.camguard.organization.user.SignInThrottle;

/**
 * Hands the page layout the failed sign-ins to tell the user about, once: the first page after a
 * sign-in shows them and they are gone from the session.
 */
@Component("signInNotices")
class SignInNotices {

	public SignInThrottle.Notice take() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null
				|| !(request.getAttribute(SignInThrottle.Notice.SESSION_ATTRIBUTE,
						RequestAttributes.SCOPE_SESSION) instanceof SignInThrottle.Notice notice)) {
			return null;
		}
		request.removeAttribute(SignInThrottle.Notice.SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
		return notice;
	}

}
