package dev.rtsc.transcoder.cli;

/** A mistake in how the command was called; exits with {@link ExitCodes#USAGE}. */
final class UsageError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageError(String message) {
    super(message);
  }
}
