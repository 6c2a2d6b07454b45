package dev.rtsc.transcoder.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code cloud-transcoder}, the command-line tool. */
@Command(
    name = "cloud-transcoder",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Stop Agora Cloud Transcoding tasks, or run a fake Agora server to try it.",
    subcommands = {DestroyCommand.class, ServeCommand.class},
    footer = {"", ExitCodes.HELP})
public final class Main implements Callable<Integer> {
  private final Terminal terminal;

  private Main(Terminal terminal) {
    this.terminal = terminal;
  }

  /** Runs the tool and exits with its exit code. */
  public static void main(String[] args) {
    // The library logs through SLF4J; the tool binds no backend and reports attempts itself.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    System.exit(
        run(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
  }

  /** Runs the tool in-process and returns its exit code; used by tests and embedders. */
  public static int run(
      String[] args,
      InputStream in,
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean interactive) {
    Terminal terminal = new Terminal(in, out, err, env, interactive);
    CommandLine commandLine = new CommandLine(new Main(terminal), new Factory(terminal));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          if (exception instanceof UsageError) {
            err.println("error: " + exception.getMessage());
            return ExitCodes.USAGE;
          }
          throw exception;
        });
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          err.println("error: " + safeMessage(exception, arguments));
          err.println("Try '" + exception.getCommandLine().getCommandName() + " --help'.");
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
  }

  /**
   * picocli's message for a bad command line, without argument values that may be secrets: a
   * mistyped {@code --builder-tokn=TOKEN} or a token split by a space would otherwise be echoed.
   */
  static String safeMessage(CommandLine.ParameterException exception, String[] arguments) {
    if (exception instanceof CommandLine.UnmatchedArgumentException) {
      List<String> options = new ArrayList<>();
      int values = 0;
      for (String unmatched : ((CommandLine.UnmatchedArgumentException) exception).getUnmatched()) {
        if (unmatched.startsWith("-")) {
          int equals = unmatched.indexOf('=');
          options.add(equals < 0 ? unmatched : unmatched.substring(0, equals) + "=…");
        } else {
          values++;
        }
      }
      StringBuilder message = new StringBuilder();
      if (!options.isEmpty()) {
        message.append("unknown option ").append(String.join(", ", options));
      }
      if (values > 0) {
        message
            .append(message.length() > 0 ? "; " : "")
            .append(values)
            .append(" unexpected argument")
            .append(values == 1 ? "" : "s")
            .append(" (not shown: it may be a secret)");
      }
      return message.toString();
    }
    String message = String.valueOf(exception.getMessage()).replaceFirst("^Error: ", "");
    for (int i = 0; i < arguments.length; i++) {
      String argument = arguments[i];
      if (argument.startsWith("--builder-token=")) {
        message = mask(message, argument.substring("--builder-token=".length()));
      } else if (argument.equals("--builder-token") && i + 1 < arguments.length) {
        message = mask(message, arguments[i + 1]);
      }
    }
    return message;
  }

  private static String mask(String message, String secret) {
    return secret.isEmpty() ? message : message.replace(secret, "██");
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(terminal.err);
    return ExitCodes.USAGE;
  }

  /** Builds commands with the terminal they write to. */
  private static final class Factory implements CommandLine.IFactory {
    private final Terminal terminal;

    Factory(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == DestroyCommand.class) {
        return type.cast(new DestroyCommand(terminal));
      }
      if (type == ServeCommand.class) {
        return type.cast(new ServeCommand(terminal));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Reports the library version written by the build. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.Properties properties = new java.util.Properties();
      try (InputStream stream =
          Main.class.getResourceAsStream("/dev/rtsc/transcoder/version.properties")) {
        if (stream != null) {
          properties.load(stream);
        }
      } catch (java.io.IOException ignored) {
        // Fall through to "unknown".
      }
      return new String[] {
        "cloud-transcoder " + properties.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
