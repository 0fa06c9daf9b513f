package vn.camguard.products.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.camguard.inventory.DevicesChanged;
import vn.camguard.inventory.InventoryDevices;
import vn.camguard.inventory.InventoryDevices.DeviceFacts;
import vn.camguard.products.domain.MatchDecision;
import vn.camguard.products.domain.StoredStanding;
import vn.camguard.products.persistence.StoredStandings;
import vn.camguard.schedule.DailyWork;
import vn.camguard.schedule.OneTimeWork;
import vn.camguard.schedule.WorkPlanner;

/**
 * Keeps every device's stored standing equal to what a fresh computation would give, in the transaction of
 * the change that moves it:
 * <ul>
 * <li>a device created or edited (inventory's {@link DevicesChanged}): its row; a deleted device's row goes
 * with it (foreign key), a unit merge moves rows with the devices ({@code ProductsTransfer});</li>
 * <li>a product, its firmware or certificates, or a warning: the rows of the devices of that maker (and of
 * devices typed without a recognisable maker, which matching may tie to any product);</li>
 * <li>an officer's match decision: that device's row;</li>
 * <li>the days passing: once a day, rows whose {@code recheck_on} (a certificate starting or lapsing) has come;</li>
 * <li>anything missed, and the CVE list of a new build: after start-up and once a day, every row whose copied
 * inputs differ from the device's current vendor, model, firmware, unit or decision, or whose CVE list
 * fingerprint is not this build's, and every device without a row (this also fills the table the first
 * time).</li>
 * </ul>
 * The start-up reconcile takes about a minute per 100,000 devices, so it is not done before the server serves:
 * it is planned as one-time work when the application is ready, run once across the instances that start
 * together, and a failure is logged and tried again by the scheduler. Until it is done a device's own page is
 * still right (it rechecks its row), but lists on the stored rows may show stale ones: {@link #reconcilePending()}.
 */
@Service
public class StandingUpkeep {

	private static final Logger log = LoggerFactory.getLogger(StandingUpkeep.class);

	static final String START_UP_WORK = "device-standings-start-up";

	static final String START_UP = "start-up";

	private final StandingComputation computation;

	private final StoredStandings stored;

	private final InventoryDevices devices;

	/** Lazily: the scheduler is built from the one-time work declared here. */
	private final ObjectProvider<WorkPlanner> planner;

	private final Duration startUpDelay;

	private volatile boolean startUpPlanned;

	StandingUpkeep(StandingComputation computation, StoredStandings stored, InventoryDevices devices,
			ObjectProvider<WorkPlanner> planner,
			@Value("${camguard.standings.start-up-reconcile-delay:0s}") Duration startUpDelay) {
		this.computation = computation;
		this.stored = stored;
		this.devices = devices;
		this.planner = planner;
		this.startUpDelay = startUpDelay;
	}

	@EventListener
	@Transactional
	public void devicesChanged(DevicesChanged changed) {
		refresh(changed.deviceIds());
	}

	/** Recomputes the rows of these devices (those that no longer exist lose theirs). */
	@Transactional
	public void refresh(Collection<Long> deviceIds) {
		if (deviceIds.isEmpty()) {
			return;
		}
		List<DeviceFacts> found = devices.unscoped(deviceIds);
		stored.save(computation.stored(found, computation.today()));
		Set<Long> gone = new HashSet<>(deviceIds);
		found.forEach(device -> gone.remove(device.id()));
		stored.delete(gone);
	}

	/** A maker's products, certificates, firmware or warnings changed: its devices' rows are recomputed. */
	@Transactional
	public void makersChanged(Collection<Long> vendorIds) {
		refresh(stored.devicesOfMakers(vendorIds));
	}

	/** The makers' names or brands changed: any device may resolve to another maker now. */
	@Transactional
	public void vendorNamesChanged() {
		refresh(stored.all().keySet());
	}

	/** Recomputes, as of the day, the rows whose certificates started or lapsed by then. */
	@Transactional
	public int recheck(LocalDate day) {
		List<Long> due = stored.dueForRecheck(day);
		if (!due.isEmpty()) {
			stored.save(computation.stored(devices.unscoped(due), day));
		}
		return due.size();
	}

	/** Recomputes every stale or missing row; returns how many. */
	@Transactional
	public int reconcile() {
		Map<Long, StoredStanding> rows = stored.all();
		StandingComputation.Pass pass = computation.pass(computation.today());
		String cveList = computation.cveList();
		List<DeviceFacts> stale = devices.everyDevice().stream().filter(device -> {
			StoredStanding row = rows.get(device.id());
			Optional<MatchDecision> decision = pass.decision(device);
			return row == null || !row.computedFrom(device.unitId(), device.vendor(), device.model(),
					device.firmware(), decision.orElse(null), cveList);
		}).toList();
		if (!stale.isEmpty()) {
			stored.save(computation.stored(stale, computation.today()));
		}
		return stale.size();
	}

	/** The day's work: lapsed and started certificates, then anything missed. */
	@Transactional
	public void daily() {
		int rechecked = recheck(computation.today());
		int reconciled = reconcile();
		log.info("Device standings: {} rechecked for certificate dates, {} stale rows recomputed", rechecked,
				reconciled);
	}

	/**
	 * Plans the start-up reconcile; when another instance starting at the same time has planned it already, that
	 * one run serves both.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void started() {
		planner.getObject().plan(START_UP_WORK, START_UP, "", Instant.now().plus(startUpDelay));
		startUpPlanned = true;
	}

	/** Whether the start-up reconcile has not finished yet, so that stored rows may still be stale. */
	public boolean reconcilePending() {
		return !startUpPlanned || planner.getObject().planned(START_UP_WORK, START_UP);
	}


	/** Declares the daily run to the platform's scheduler (through the transactional bean). */
	@Configuration(proxyBeanMethods = false)
	static class Schedule {

		@Bean
		DailyWork deviceStandingWork(StandingUpkeep upkeep) {
			// just after midnight, Vietnamese time: certificate dates are Vietnamese calendar days
			return new DailyWork("device-standings", LocalTime.of(0, 20), StandingComputation.ZONE, upkeep::daily);
		}

		@Bean
		OneTimeWork deviceStandingStartUpWork(StandingUpkeep upkeep) {
			return new OneTimeWork(START_UP_WORK, data -> {
				log.info("Device standings: {} missing or stale rows computed after start-up", upkeep.reconcile());
				return Optional.empty();
			});
		}

	}

}
