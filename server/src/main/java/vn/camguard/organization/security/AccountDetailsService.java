package vn.camguard.organization.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import vn.camguard.organization.access.SignedInUser;
import vn.camguard.organization.user.UserStore;

/**
 * Loads a user for sign-in (form or HTTP Basic). Accounts are never locked by failed sign-ins (which
 * anyone could cause); {@link ThrottledSignIn} slows the guessing address down instead.
 */
@Service
class AccountDetailsService implements UserDetailsService {

	private final UserStore users;

	AccountDetailsService(UserStore users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		var account = users.findByUsername(username == null ? "" : username.strip())
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return new SignedInUser(account.id(), account.username(), users.passwordHash(account.id()).orElseThrow(),
				account.enabled(), false);
	}

}
