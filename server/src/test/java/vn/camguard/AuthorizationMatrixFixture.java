package vn.camguard;

import java.util.Map;

import vn.camguard.organization.UnitDirectory.UnitRef;

/**
 * Creates, for one request of {@link AuthorizationMatrixTests}, the objects a module's endpoints
 * name in their paths or bodies (e.g. a camera in the target unit), and returns their placeholders
 * (e.g. {@code "{camera}" -> "42"}). Declare an implementation as a {@code @Component} under
 * src/test/java; it is called once per request, so destructive endpoints get fresh objects.
 */
public interface AuthorizationMatrixFixture {

	Map<String, String> prepare(UnitRef unit, String fresh);

}
