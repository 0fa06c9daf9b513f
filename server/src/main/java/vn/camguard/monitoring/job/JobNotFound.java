package vn.camguard.monitoring.job;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such job, or one outside the caller's organisations (not told apart). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class JobNotFound extends RuntimeException {

	public JobNotFound(long id) {
		super("scan job " + id + " not found");
	}

}
