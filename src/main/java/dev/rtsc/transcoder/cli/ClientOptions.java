package dev.rtsc.transcoder.cli;

import dev.rtsc.transcoder.CloudTranscoderClient;
import dev.rtsc.transcoder.Credentials;
import dev.rtsc.transcoder.Region;
import dev.rtsc.transcoder.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Connection, retry and credential options shared by commands that call Agora. */
final class ClientOptions {
  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description = "Send every request here (a proxy or a fake server); turns failover off.")
  String baseUrl;

  @Option(
      names = "--region",
      paramLabel = "AREA",
      description = "Fail over to Agora's regional domains of US, EU, AP or CN.")
  Region region;

  @Option(
      names = "--credentials-file",
      paramLabel = "FILE",
      description =
          "Read AGORA_CUSTOMER_ID and AGORA_CUSTOMER_SECRET from this file (KEY=value lines)"
              + " instead of the environment.")
  Path credentialsFile;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Per attempt (default 10s).")
  Duration connectTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Per attempt (default 30s).")
  Duration readTimeout;

  @Option(
      names = "--call-timeout",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Per attempt, connect to last byte (default 30s).")
  Duration callTimeout;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      description = "Attempts per task including the first (default 5).")
  Integer maxAttempts;

  @Option(
      names = "--deadline",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Budget per task, retries included (default 90s).")
  Duration deadline;

  @Option(names = "--no-retry", description = "One attempt per task.")
  boolean noRetry;

  @Option(
      names = "--max-requests-per-second",
      paramLabel = "N",
      description = "Client-side rate limit (default 10, Agora's per-account limit; 0 = off).")
  Double maxRequestsPerSecond;

  /** Builds the client; throws {@link UsageError} for missing credentials or bad settings. */
  CloudTranscoderClient build(Terminal terminal) {
    CloudTranscoderClient.Builder builder =
        CloudTranscoderClient.builder().credentials(credentials(terminal));
    try {
      if (baseUrl != null && region != null) {
        throw new UsageError("--base-url and --region cannot be combined");
      }
      if (baseUrl != null) {
        builder.baseUrl(baseUrl);
      }
      if (region != null) {
        builder.region(region);
      }
      if (connectTimeout != null) {
        builder.connectTimeout(connectTimeout);
      }
      if (readTimeout != null) {
        builder.readTimeout(readTimeout);
      }
      if (callTimeout != null) {
        builder.callTimeout(callTimeout);
      }
      RetryPolicy.Builder retry = RetryPolicy.builder();
      if (maxAttempts != null) {
        retry.maxAttempts(maxAttempts);
      }
      if (noRetry) {
        retry.maxAttempts(1);
      }
      if (deadline != null) {
        retry.deadline(deadline);
      }
      builder.retryPolicy(retry.build());
      if (maxRequestsPerSecond != null) {
        builder.maxRequestsPerSecond(maxRequestsPerSecond);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageError(e.getMessage());
    }
    return builder.build();
  }

  private Credentials credentials(Terminal terminal) {
    Map<String, String> source = terminal.env;
    String where = "the environment";
    if (credentialsFile != null) {
      source = readKeyValues(credentialsFile);
      where = credentialsFile.toString();
    }
    try {
      return Credentials.fromEnvironment(source);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UsageError(
          "no usable credentials in "
              + where
              + ": set "
              + Credentials.CUSTOMER_ID_ENV
              + " and "
              + Credentials.CUSTOMER_SECRET_ENV
              + " (never as command-line flags: they would show in ps and shell history)");
    }
  }

  /** Reads {@code KEY=value} lines; {@code export KEY="value"} shell syntax is accepted too. */
  static Map<String, String> readKeyValues(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageError("cannot read " + file + ": " + e.getClass().getSimpleName());
    }
    Map<String, String> values = new HashMap<>();
    for (String raw : lines) {
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).trim();
      }
      int equals = line.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      String value = line.substring(equals + 1).trim();
      if (value.length() >= 2
          && ((value.startsWith("\"") && value.endsWith("\""))
              || (value.startsWith("'") && value.endsWith("'")))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(line.substring(0, equals).trim(), value);
    }
    return values;
  }
}
