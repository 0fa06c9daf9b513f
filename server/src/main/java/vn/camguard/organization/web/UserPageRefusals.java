package vn.camguard.organization.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import vn.camguard.organization.user.OutsideAuthority;

/** The user pages answer a refusal to change a user beyond the caller's authority with a 403 page saying so. */
@ControllerAdvice(assignableTypes = UserController.class)
class UserPageRefusals {

	@ExceptionHandler(OutsideAuthority.class)
	ModelAndView outsideAuthority() {
		ModelAndView page = new ModelAndView("users/refused", HttpStatus.FORBIDDEN);
		page.addObject("reason", OutsideAuthority.MESSAGE_KEY);
		return page;
	}

}
