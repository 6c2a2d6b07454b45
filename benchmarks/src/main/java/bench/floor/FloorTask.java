package bench.floor;

import java.util.Map;

/**
 * The floor's model of the 200 body: the same shape as the library's generated model (status kept
 * as the raw string, reserved objects as maps), read by Moshi's reflective adapter.
 */
public final class FloorTask {
  public String taskId;
  public Long createTs;
  public String status;
  public Services services;
  public Map<String, Object> eventHandlers;
  public Execution execution;
  public Map<String, Object> properties;
  public String sequenceId;
  public Map<String, Object> variables;
  public Map<String, Object> workflows;

  /** {@code services}. */
  public static final class Services {
    public Service cloudTranscoder;
  }

  /** {@code services.cloudTranscoder}. */
  public static final class Service {
    public Map<String, Object> config;
    public Long createTs;
    public Map<String, Object> details;
    public String message;
    public String serviceType;
    public String status;
  }

  /** {@code execution}. */
  public static final class Execution {
    public Map<String, Object> workflows;
  }

  /** Agora's error body. */
  public static final class Error {
    public String message;
  }
}
