package vn.camguard.organization.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Caller;
import vn.camguard.organization.user.PasswordChange;

/** The caller itself: who it is, which grants it holds, and changing its own password. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "The signed-in caller")
class AccountApiController {

	private final AccessControl access;

	private final PasswordChange passwordChange;

	AccountApiController(AccessControl access, PasswordChange passwordChange) {
		this.access = access;
		this.passwordChange = passwordChange;
	}

	record NewPassword(String currentPassword, String newPassword) {

		@Override
		public String toString() {
			return "NewPassword[hidden]";
		}

	}

	@GetMapping
	Caller me() {
		return access.caller();
	}

	@PostMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's own password")
	void changePassword(@RequestBody NewPassword change) {
		passwordChange.change(change.currentPassword(), change.newPassword(), change.newPassword());
	}

}
