package dev.rtsc.transcoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import mockwebserver3.MockResponse;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.RecordedRequest;

/**
 * The dispatcher of every {@link TestServers#startLoopback()} server: it serves the enqueued
 * responses like MockWebServer's own, and checks each request it receives and each response it
 * serves against the spec with {@link ContractValidator}. Violations are collected, not thrown, so
 * the test runs on; {@link ContractCheckExtension} fails the test afterwards if there were any.
 *
 * <p>A test that serves an off-contract response on purpose (an HTML error page, an unknown enum
 * value, a redirect) says so for that response with {@link TestServers#offContract}; its request is
 * still checked.
 */
final class ContractDispatcher extends QueueDispatcher {
  private static final List<ContractDispatcher> LIVE =
      Collections.synchronizedList(new ArrayList<>());
  private static final Map<MockResponse, String> OFF_CONTRACT =
      Collections.synchronizedMap(new WeakHashMap<>()); // MockResponse has identity equality

  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  private volatile ContractValidator validator = ContractValidator.ourSpec();
  private volatile boolean closed;

  private ContractDispatcher() {}

  /** A new dispatcher, watched by {@link ContractCheckExtension} until its server is closed. */
  static ContractDispatcher create() {
    ContractDispatcher dispatcher = new ContractDispatcher();
    LIVE.add(dispatcher);
    return dispatcher;
  }

  static MockResponse markOffContract(String why, MockResponse response) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("say why the response is off-contract");
    }
    OFF_CONTRACT.put(response, why);
    return response;
  }

  /** Checks requests under {@code basePath} (a client whose base URL has a path) as the spec's. */
  void expectBasePath(String basePath) {
    validator = ContractValidator.ourSpec(basePath);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    check(() -> validator.checkRequest(request));
    MockResponse response = super.dispatch(request);
    if (closed) {
      return response; // the queue's shutdown placeholder, never sent
    }
    if (!OFF_CONTRACT.containsKey(response)) {
      check(
          () ->
              validator.checkResponse(
                  request.getMethod(), request.getUrl().encodedPath(), response));
    }
    return response;
  }

  /** Records the problems a check finds, and a check that fails as a problem too. */
  private void check(Supplier<List<String>> check) {
    try {
      violations.addAll(check.get());
    } catch (RuntimeException e) {
      violations.add("could not check against the spec: " + e);
    }
  }

  @Override
  public void close() {
    closed = true;
    super.close();
  }

  /** Returns the violations seen so far and forgets them. */
  List<String> takeViolations() {
    synchronized (violations) {
      List<String> taken = List.copyOf(violations);
      violations.clear();
      return taken;
    }
  }

  /**
   * Takes the violations of every live dispatcher, and stops watching those whose server is closed.
   */
  static List<String> takeAllViolations() {
    List<String> all = new ArrayList<>();
    synchronized (LIVE) {
      for (ContractDispatcher dispatcher : LIVE) {
        all.addAll(dispatcher.takeViolations());
      }
      LIVE.removeIf(d -> d.closed);
    }
    return all;
  }
}
