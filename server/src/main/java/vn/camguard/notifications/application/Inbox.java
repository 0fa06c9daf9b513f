package vn.camguard.notifications.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.notifications.persistence.NotificationStore;
import vn.camguard.notifications.persistence.NotificationStore.InboxRow;
import vn.camguard.organization.AccessControl;
import vn.camguard.organization.Permission;

/** The signed-in user's notifications: its own, and those of the units whose inventory it reads. */
@Service
public class Inbox {

	static final int SHOWN = 200;

	private final NotificationStore store;

	private final AccessControl access;

	Inbox(NotificationStore store, AccessControl access) {
		this.store = store;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<InboxRow> newest() {
		return store.inbox(access.caller().userId(), access.scope(Permission.INVENTORY_READ), SHOWN);
	}

}
