package vn.camguard.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Vietnamese by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration
class LocaleConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageCookie(languageCookie(true), languageCookie(false));
	}

	private static CookieLocaleResolver languageCookie(boolean secure) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("camguard-lang");
		resolver.setDefaultLocale(VIETNAMESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSecure(secure);
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	/**
	 * The language cookie is Secure exactly when the request is, like the session cookie: a browser
	 * drops a Secure cookie set over plain HTTP, and the choice would be forgotten on every page.
	 */
	private record LanguageCookie(CookieLocaleResolver overHttps, CookieLocaleResolver overHttp)
			implements LocaleContextResolver {

		@Override
		public LocaleContext resolveLocaleContext(HttpServletRequest request) {
			return overHttp.resolveLocaleContext(request);
		}

		@Override
		public void setLocaleContext(HttpServletRequest request, HttpServletResponse response,
				LocaleContext localeContext) {
			(request.isSecure() ? overHttps : overHttp).setLocaleContext(request, response, localeContext);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			return overHttp.resolveLocale(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			(request.isSecure() ? overHttps : overHttp).setLocale(request, response, locale);
		}

	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

}
