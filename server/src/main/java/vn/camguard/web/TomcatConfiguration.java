package vn.camguard.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat's own error page becomes {@link TomcatErrorReport}. Runs after Spring Boot's customizer,
 * whose plain ErrorReportValve it replaces (two would both try to write the page).
 */
@Configuration
class TomcatConfiguration implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Pipeline host = context.getParent().getPipeline();
			for (Valve valve : host.getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.removeValve(valve);
				}
			}
			host.addValve(new TomcatErrorReport());
			// the host adds a default ErrorReportValve at start unless one of this class is there
			if (context.getParent() instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(TomcatErrorReport.class.getName());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
