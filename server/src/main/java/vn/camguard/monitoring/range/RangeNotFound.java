package vn.camguard.monitoring.range;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such range, or one outside the caller's organisations (the two are not told apart). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RangeNotFound extends RuntimeException {

	public RangeNotFound(long id) {
		super("range " + id + " not found");
	}

}
