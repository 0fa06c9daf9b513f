package vn.camguard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Scripts from static/js under /js/** (the CSP allows no inline script, so every script is a file;
 * spring.mvc.static-path-pattern takes one pattern only and stays /css/**), and the form an expired
 * session interrupted, handed back to its page after sign-in.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new InterruptedFormReturn());
	}

}
