package vn.camguard.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.security.Escape;

/**
 * The page for errors Tomcat answers itself, before any servlet (e.g. 400 for a '{' in the request
 * target): instead of Tomcat's English "HTTP Status 400" page, CamGuard's titles and texts, in
 * Vietnamese and English at once (nothing of the request, such as a language cookie, is trusted
 * here), with no server name, version or stack trace. Errors inside the application keep the
 * Thymeleaf pages under templates/error.
 */
public class TomcatErrorReport extends ErrorReportValve {

	private static final ResourceBundle VIETNAMESE = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag("vi"));

	private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n/messages", Locale.ENGLISH);

	public TomcatErrorReport() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String key = switch (status) {
			case 400, 404 -> "error." + status;
			default -> "error.error";
		};
		String page = """
				<!DOCTYPE html>
				<html lang="vi"><head><meta charset="utf-8"><title>%s</title>
				<link rel="stylesheet" href="/webjars/bootstrap/css/bootstrap.min.css"></head>
				<body><main class="container py-4">
				<h1 class="h3">%s</h1><p>%s</p>
				<h2 class="h5 mt-4" lang="en">%s</h2><p lang="en">%s</p>
				<a href="/">%s</a> · <a href="/" lang="en">%s</a>
				</main></body></html>
				""".formatted(text(VIETNAMESE, key + ".title"), text(VIETNAMESE, key + ".title"),
				text(VIETNAMESE, key + ".text"), text(ENGLISH, key + ".title"), text(ENGLISH, key + ".text"),
				text(VIETNAMESE, "error.home"), text(ENGLISH, "error.home"));
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("utf-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(page);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot take a body: nothing more to do
		}
	}

	private static String text(ResourceBundle bundle, String key) {
		return Escape.htmlElementContent(bundle.getString(key));
	}

}
