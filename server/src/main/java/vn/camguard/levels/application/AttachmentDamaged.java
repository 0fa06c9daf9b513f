package vn.camguard.levels.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A stored dossier file is missing or no longer has its recorded checksum; it is not served. */
@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
public class AttachmentDamaged extends RuntimeException {

	public AttachmentDamaged(String storageKey) {
		super("dossier file " + storageKey + " is missing or does not match its checksum");
	}

}
