package vn.camguard.monitoring.finding;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A finding that does not exist or lies outside the caller's organisations: both answer 404, so ids leak nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class FindingNotFound extends RuntimeException {

	public FindingNotFound(long id) {
		super("finding " + id);
	}

}
