package vn.camguard.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /api-docs} (Swagger UI at {@code /swagger-ui.html}). Both need a
 * signed-in user; scripts authenticate with HTTP Basic, declared here so Swagger UI's "Authorize"
 * button offers it (a Basic call needs no CSRF token).
 */
@Configuration
class ApiDocumentation {

	@Bean
	OpenAPI camGuardApi() {
		return new OpenAPI()
			.info(new Info().title("CamGuard API")
				.version("v1")
				.description("Units, users, audit log and inventory of the province. Same authorisation as the "
						+ "web pages: every call is limited to the units the caller's roles are granted on."))
			.components(new Components().addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
