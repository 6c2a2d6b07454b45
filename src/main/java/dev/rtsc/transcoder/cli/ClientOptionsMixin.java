package dev.rtsc.transcoder.cli;

import picocli.CommandLine.ArgGroup;

/** Groups the client options under their own heading in {@code --help}. */
final class ClientOptionsMixin {
  @ArgGroup(validate = false, heading = "%nConnection and retries:%n")
  ClientOptions options = new ClientOptions();
}
