package vn.camguard.levels.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The asked-for framework, system or determination does not exist or lies outside the caller's
 * units; both answer 404 so that ids of other units cannot be probed.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LevelsNotFound extends RuntimeException {

	public LevelsNotFound(String what, long id) {
		super(what + " " + id + " not found");
	}

}
