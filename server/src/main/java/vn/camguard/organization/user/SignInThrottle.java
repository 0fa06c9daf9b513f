package vn.camguard.organization.user;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing without letting anyone lock an account: failures are counted per
 * (attempted name, source address) and per source address, and past a threshold each further
 * attempt from that address must wait a doubling delay after the last failure ({@link LoginPolicy}).
 * The real user, signing in from its own address, is not held up by failures from elsewhere. A
 * success from an address ends the count of that name there; an administrator's unlock ends it
 * everywhere. The counts live in the database, so they survive a restart and hold across instances.
 * Names that match no account are counted like the others, so a delay does not tell whether an
 * account exists.
 */
@Service
@Transactional
public class SignInThrottle {

	/** Longest name kept, as the user name column. */
	private static final int MAX_NAME = 60;

	/** Longest address kept (an IPv6 address with a zone fits). */
	private static final int MAX_ADDRESS = 64;

	private static final int NOTICE_LIMIT = 20;

	/** Failures are kept this long after they stop counting, for the owner and administrators. */
	private static final Duration KEPT = Duration.ofDays(30);

	private final SignInFailures failures;

	private final LoginPolicy policy;

	private final Clock clock;

	SignInThrottle(SignInFailures failures, LoginPolicy policy) {
		this.failures = failures;
		this.policy = policy;
		this.clock = Clock.systemUTC();
	}

	/** A failed sign-in as its owner and administrators see it. */
	public record FailedSignIn(OffsetDateTime at, String address) implements Serializable {
	}

	/**
	 * The failures an owner has not been shown yet (the newest first, at most 20) and how many there
	 * were; kept in the session under {@link #SESSION_ATTRIBUTE} from sign-in until the first page shows it.
	 */
	public record Notice(List<FailedSignIn> latest, long total) implements Serializable {

		public static final String SESSION_ATTRIBUTE = Notice.class.getName();

		public Notice {
			latest = List.copyOf(latest);
		}

	}

	/** An address from which further attempts at a name must wait, as administrators see it. */
	public record ThrottledAddress(String address, long failures, OffsetDateTime until) {
	}

	/** What an administrator sees about one account: recent failures and where it is throttled now. */
	public record AccountState(List<FailedSignIn> recentFailures, List<ThrottledAddress> throttled) {
	}

	/** The name as counted: trimmed, lower case, without control characters, at most 60 characters. */
	public static String nameKey(String attempted) {
		String name = String.valueOf(attempted).strip().toLowerCase(Locale.ROOT);
		StringBuilder clean = new StringBuilder();
		name.codePoints().filter(c -> !Character.isISOControl(c)).limit(MAX_NAME).forEach(clean::appendCodePoint);
		return clean.isEmpty() ? "(blank)" : clean.toString();
	}

	private static String addressKey(String address) {
		String clean = address == null || address.isBlank() ? "(unknown)" : address.strip();
		return clean.length() > MAX_ADDRESS ? clean.substring(0, MAX_ADDRESS) : clean;
	}

	/** How long an attempt at this name from this address must still wait; empty when it may go ahead. */
	@Transactional(readOnly = true)
	public Optional<Duration> waitFor(String attemptedName, String address) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime since = now.minus(policy.window());
		String addressKey = addressKey(address);
		OffsetDateTime until = later(
				end(failures.forNameAndAddress(nameKey(attemptedName), addressKey, since),
						policy.failuresBeforeDelay()),
				end(failures.forAddress(addressKey, since), policy.addressFailuresBeforeDelay()));
		if (until == null || !until.isAfter(now)) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(now, until));
	}

	/**
	 * Records a failure (the account's id when the name is one) and answers how many failures now
	 * count for this name from this address, and the delay the next attempt must wait (zero if none).
	 */
	public Counted failed(String attemptedName, Long userId, String address) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		String name = nameKey(attemptedName);
		String addressKey = addressKey(address);
		failures.purgeBefore(now.minus(KEPT));
		failures.add(name, userId, addressKey, now);
		OffsetDateTime since = now.minus(policy.window());
		long forName = failures.forNameAndAddress(name, addressKey, since).failures();
		long fromAddress = failures.forAddress(addressKey, since).failures();
		Duration delay = max(policy.delayAfter(forName, policy.failuresBeforeDelay()),
				policy.delayAfter(fromAddress, policy.addressFailuresBeforeDelay()));
		return new Counted(forName, fromAddress, delay);
	}

	/** Failures counted after one more. */
	public record Counted(long forNameFromAddress, long fromAddress, Duration delay) {
	}

	/** A success from an address: that name's failures there no longer slow anyone down. */
	public void succeeded(String name, String address) {
		failures.stopCounting(nameKey(name), Optional.of(addressKey(address)));
	}

	/** An administrator's unlock: the name's failures from every address stop counting. */
	int unlock(String username) {
		return failures.stopCounting(nameKey(username), Optional.empty());
	}

	@Transactional(readOnly = true)
	AccountState state(UserAccount account) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<ThrottledAddress> throttled = failures.countingForName(nameKey(account.username()), now.minus(policy.window()))
			.stream()
			.map(a -> new ThrottledAddress(a.address(), a.tally().failures(), end(a.tally(), policy.failuresBeforeDelay())))
			.filter(a -> a.until() != null && a.until().isAfter(now))
			.toList();
		return new AccountState(failures.recent(account.id(), NOTICE_LIMIT), throttled);
	}

	/** The failures the owner has not been shown, now marked as shown; empty when there were none. */
	public Optional<Notice> takeNotice(long userId) {
		long total = failures.countUntold(userId);
		if (total == 0) {
			return Optional.empty();
		}
		List<FailedSignIn> latest = failures.untold(userId, NOTICE_LIMIT);
		failures.markTold(userId);
		return Optional.of(new Notice(latest, total));
	}

	private OffsetDateTime end(SignInFailures.Tally tally, int threshold) {
		Duration delay = policy.delayAfter(tally.failures(), threshold);
		return delay.isZero() || tally.last() == null ? null : tally.last().plus(delay);
	}

	private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
