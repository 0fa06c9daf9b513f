package vn.camguard.organization.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.camguard.organization.unit.UnitRuleViolation;
import vn.camguard.organization.user.OutsideAuthority;
import vn.camguard.organization.user.UserRuleViolation;

/** Rule violations in the REST API answer 422 with each problem and a message in the caller's language. */
@RestControllerAdvice(assignableTypes = { UnitApiController.class, UserApiController.class, AccountApiController.class })
class OrganizationApiErrors {

	private final MessageSource messages;

	OrganizationApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	/** One broken rule. */
	record Problem(int row, String field, String code, String message) {
	}

	record Problems(List<Problem> problems) {
	}

	@ExceptionHandler(UnitRuleViolation.class)
	ResponseEntity<Problems> units(UnitRuleViolation violation, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new Problems(violation.problems()
				.stream()
				.map(p -> new Problem(p.row(), p.field(), p.code(),
						messages.getMessage(p.messageKey(), null, p.code(), locale)))
				.toList()));
	}

	/** A refusal that says why, unlike the bare 403 of a missing permission. */
	record Refusal(int status, String error, String message) {
	}

	@ExceptionHandler(OutsideAuthority.class)
	ResponseEntity<Refusal> outsideAuthority(OutsideAuthority refusal, Locale locale) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.body(new Refusal(403, "outside_authority",
					messages.getMessage(OutsideAuthority.MESSAGE_KEY, null, locale)));
	}

	@ExceptionHandler(UserRuleViolation.class)
	ResponseEntity<Problems> users(UserRuleViolation violation, Locale locale) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new Problems(violation.problems()
				.stream()
				.map(p -> new Problem(0, p.field(), p.code(),
						messages.getMessage(p.messageKey(), null, p.code(), locale)))
				.toList()));
	}

}
