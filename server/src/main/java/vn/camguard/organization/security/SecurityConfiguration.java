package vn.camguard.organization.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.camguard.organization.user.LoginPolicy;
import vn.camguard.organization.user.SignInThrottle;
import vn.camguard.organization.user.UserStore;

/**
 * One filter chain for pages and REST: form sign-in with a session for browsers, HTTP Basic
 * (stateless, no CSRF token needed) for scripts. Everything except the sign-in page and static
 * files needs a signed-in user; what a user may do beyond that is decided per unit by
 * {@link vn.camguard.organization.AccessControl} in the services, so web and REST agree.
 * The OpenAPI description and Swagger UI also need sign-in: they describe an internal API.
 */
@Configuration
@EnableConfigurationProperties(LoginPolicy.class)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	/**
	 * Passwords checked by the usual provider, behind the throttle; built here rather than left to
	 * Boot so that no unthrottled provider exists beside it.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
			SignInThrottle throttle, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		ProviderManager manager = new ProviderManager(new ThrottledSignIn(passwords, throttle));
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SignInEvents signIns, UserStore users,
			AuthenticationManager authenticationManager, AccessDeniedHandler accessDenied) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		RequestMatcher basicAuthenticated = request -> {
			String header = request.getHeader("Authorization");
			return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
		};
		RequestMatcher htmx = request -> request.getHeader("HX-Request") != null;
		BasicAuthenticationEntryPoint basicChallenge = new BasicAuthenticationEntryPoint();
		basicChallenge.setRealmName("CamGuard");
		AuthenticationEntryPoint basic = new ThrottleAnswers.BasicEntryPoint(basicChallenge);
		var formSuccess = new AuditedSignInSuccess(signIns);
		formSuccess.setDefaultTargetUrl("/");
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error", "/actuator/health")
			.permitAll()
			.anyRequest()
			.authenticated())
			.authenticationManager(authenticationManager)
			.formLogin(form -> form.loginPage("/login")
				.failureHandler(new ThrottleAnswers.FormFailure("/login?error"))
				.successHandler(formSuccess))
			.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(basic))
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, authentication) -> signIns.signedOut(authentication)))
			.csrf(csrf -> csrf.ignoringRequestMatchers(basicAuthenticated))
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(accessDenied)
				.defaultAuthenticationEntryPointFor(basic, api)
				.defaultAuthenticationEntryPointFor(SecurityConfiguration::signInFromHtmx, htmx)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			// Scripts only from our own files (no inline script or handler); htmx still adds inline styles.
			// HSTS is Spring Security's default and written only on secure requests.
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterAfter(new ForcedPasswordChangeFilter(users), AuthorizationFilter.class);
		return http.build();
	}

	/** An htmx request whose session is gone loads the sign-in page instead of swapping it into a fragment. */
	private static void signInFromHtmx(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException signInNeeded) {
		response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
	}

}
