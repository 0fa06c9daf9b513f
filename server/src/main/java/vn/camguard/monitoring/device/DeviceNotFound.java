package vn.camguard.monitoring.device;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such discovered device, or one outside the caller's organisations (not told apart). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class DeviceNotFound extends RuntimeException {

	public DeviceNotFound(long id) {
		super("discovered device " + id + " not found");
	}

}
