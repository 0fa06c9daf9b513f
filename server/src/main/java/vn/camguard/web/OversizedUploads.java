package vn.camguard.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.fileupload.impl.SizeException;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over spring.servlet.multipart.max-file-size (or max-request-size) gets the 413 page. Left
 * alone it got a 403 "no permission" page: the CSRF filter reads the token from the multipart body,
 * Tomcat's parser gives up at the size limit, the token seems missing. And when Spring itself found
 * the oversized upload, the error page's own dispatch parsed it again and failed with an empty body.
 * So the parts are parsed here, before Spring Security (whose filters run at order -100); on a size
 * failure the exception is left where the error dispatch looks (DispatcherServlet then renders the
 * error page without parsing again).
 */
@Component
@Order(-101)
class OversizedUploads extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if ("POST".equals(request.getMethod()) && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			try {
				request.getParts();
			}
			catch (IllegalStateException ex) {
				if (!tooLarge(ex)) {
					throw ex;
				}
				request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new MaxUploadSizeExceededException(-1, ex));
				response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeException) {
				return true;
			}
		}
		return false;
	}

}
