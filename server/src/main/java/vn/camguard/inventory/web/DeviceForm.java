package vn.camguard.inventory.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import vn.camguard.inventory.domain.Device;
import vn.camguard.inventory.domain.DeviceDraft;
import vn.camguard.inventory.domain.DeviceKind;
import vn.camguard.inventory.domain.DeviceStatus;
import vn.camguard.inventory.domain.InvalidValue;

/** The device create/edit form as the browser posts it (dates typed as dd/MM/yyyy). */
public record DeviceForm(Long unitId, Long systemId, Long siteId, DeviceKind kind, DeviceStatus status, String name,
		String vendor, String model, String firmware, String serial, String mac, String address, String openPorts,
		String procurementDate, String supplier, String coRef, String cqRef, String qcvn135Certificate) {

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

	static DeviceForm empty() {
		return new DeviceForm(null, null, null, DeviceKind.CAMERA, DeviceStatus.ACTIVE, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
	}

	static DeviceForm of(Device d) {
		return new DeviceForm(d.unitId(), d.systemId(), d.siteId(), d.kind(), d.status(), d.name(), d.vendor(),
				d.model(), d.firmware(), d.serial(), d.mac(), d.address(), d.openPorts(),
				d.procurementDate() == null ? null : DATE.format(d.procurementDate()), d.supplier(), d.coRef(),
				d.cqRef(), d.qcvn135Certificate());
	}

	/** The draft; a date that is not dd/MM/yyyy is added to {@code problems}. */
	DeviceDraft draft(List<InvalidValue> problems) {
		LocalDate date = null;
		if (procurementDate != null && !procurementDate.isBlank()) {
			try {
				date = LocalDate.parse(procurementDate.strip(), DATE);
			}
			catch (DateTimeParseException ex) {
				problems.add(new InvalidValue("procurement_date", "date", procurementDate));
			}
		}
		return new DeviceDraft(unitId, systemId, siteId, kind, status, name, vendor, model, firmware, serial, mac,
				address, openPorts, date, supplier, coRef, cqRef, qcvn135Certificate);
	}

}
