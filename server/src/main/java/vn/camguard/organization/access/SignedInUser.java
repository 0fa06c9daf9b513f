package vn.camguard.organization.access;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal Spring Security keeps for a signed-in user. Grants are not kept here but read per
 * request, so that a revoked grant takes effect at once.
 */
public final class SignedInUser implements UserDetails, CredentialsContainer {

	private final long userId;

	private final String username;

	private String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	public SignedInUser(long userId, String username, String passwordHash, boolean enabled, boolean locked) {
		this.userId = userId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
	}

	public long userId() {
		return userId;
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
