package vn.camguard.organization.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal Spring Security keeps for a signed-in user. Grants are not kept here but read per
 * request, so that a revoked grant takes effect at once. It remembers when it signed in: a session
 * that signed in before the user's password last changed is over.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final long userId;

	private final String username;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	/** Whole microseconds, as the database keeps the time the password changed. */
	private volatile Instant signedInAt;

	/** A user signing in now. */
	public SignedInUser(long userId, String username, String passwordHash, boolean enabled, boolean locked) {
		this.userId = userId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.signedInAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	public long userId() {
		return userId;
	}

	public Instant signedInAt() {
		return signedInAt;
	}

	/**
	 * The session that changed the password goes on as if it had signed in with the new one at
	 * {@code changedAt}, while every other session of the user, signed in before, is over.
	 */
	public void signedInAgainAt(Instant changedAt) {
		signedInAt = changedAt;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SignedInUser that && that.userId == userId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(userId);
	}

	@Override
	public String toString() {
		return "SignedInUser[" + username + "]";
	}

}
