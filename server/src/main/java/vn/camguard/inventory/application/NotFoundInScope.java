package vn.camguard.inventory.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The asked-for system, site or device does not exist or lies outside the caller's units. Both
 * answer 404 so that ids of other units cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundInScope extends RuntimeException {

	public NotFoundInScope(String what, long id) {
		super(what + " " + id + " not found");
	}

}
