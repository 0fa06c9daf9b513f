package vn.camguard.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a form interrupted by an expired session (see {@link ExpiredSessionForms}) to its page once
 * the user is signed in again and opens that page: the layout shows "your session had expired" and
 * carries the typed values as JSON in a data attribute, which camguard.js puts back into the form.
 * Handed over once, then forgotten.
 */
class InterruptedFormReturn implements HandlerInterceptor {

	static final String MODEL_ATTRIBUTE = "interruptedForm";

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		var session = request.getSession(false);
		if (session == null || modelAndView == null || !"GET".equals(request.getMethod())
				|| request.getUserPrincipal() == null || (modelAndView.getViewName() != null
						&& modelAndView.getViewName().startsWith("redirect:"))) {
			return;
		}
		if (!(session.getAttribute(InterruptedForm.SESSION_ATTRIBUTE) instanceof InterruptedForm form)) {
			return;
		}
		String page = form.page().contains("?") ? form.page().substring(0, form.page().indexOf('?')) : form.page();
		if (!request.getRequestURI().equals(request.getContextPath() + page)) {
			return;
		}
		session.removeAttribute(InterruptedForm.SESSION_ATTRIBUTE);
		session.removeAttribute(ExpiredSessionForms.SAVED_REQUEST);
		modelAndView.addObject(MODEL_ATTRIBUTE,
				JsonMapper.shared().writeValueAsString(Map.of("action", form.action(), "fields", form.fields())));
	}

}
