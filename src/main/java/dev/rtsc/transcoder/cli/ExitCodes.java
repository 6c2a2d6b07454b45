package dev.rtsc.transcoder.cli;

import dev.rtsc.transcoder.errors.AuthenticationException;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.PermissionDeniedException;
import dev.rtsc.transcoder.errors.RateLimitException;
import dev.rtsc.transcoder.errors.ServerException;
import dev.rtsc.transcoder.errors.TaskNotFoundException;
import dev.rtsc.transcoder.errors.TransportException;

/** Process exit codes, documented in the README and in {@code --help}. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NOT_FOUND = 3;
  static final int AUTH = 4;
  static final int RATE_LIMITED = 5;
  static final int SERVER_OR_NETWORK = 6;
  static final int SOME_ROWS_FAILED = 7;

  static final String HELP =
      "Exit codes: 0 destroyed; 1 other failure (400, 409, unexpected status, invalid response);"
          + " 2 usage error; 3 task not found (already gone); 4 authentication or permission;"
          + " 5 rate limited; 6 server or network failure; 7 bulk run with failed or invalid rows.";

  private ExitCodes() {}

  static int of(CloudTranscoderException e) {
    if (e instanceof TaskNotFoundException) {
      return NOT_FOUND;
    }
    if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
      return AUTH;
    }
    if (e instanceof RateLimitException) {
      return RATE_LIMITED;
    }
    if (e instanceof ServerException || e instanceof TransportException) {
      return SERVER_OR_NETWORK;
    }
    return FAILED;
  }
}
