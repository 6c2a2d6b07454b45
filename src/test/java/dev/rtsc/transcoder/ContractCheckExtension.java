package dev.rtsc.transcoder;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test when a mock server it used received a request, or served a response, that breaks
 * {@code openapi/cloud-transcoder.yaml}. Registered for every test class through JUnit's extension
 * auto-detection ({@code src/test/resources/junit-platform.properties} and {@code
 * META-INF/services}), so no test can forget it.
 */
public final class ContractCheckExtension implements AfterEachCallback, AfterAllCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    check();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    check();
  }

  private static void check() {
    List<String> violations = ContractDispatcher.takeAllViolations();
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "HTTP traffic in this test breaks openapi/cloud-transcoder.yaml. Fix the client or the"
              + " canned response, or mark a deliberately off-contract response with"
              + " TestServers.offContract(why, response):\n  "
              + String.join("\n  ", violations));
    }
  }
}
