package dev.rtsc.transcoder.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
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
        (exception, ignored) -> {
          err.println("error: " + exception.getMessage());
          err.println("Try '" + exception.getCommandLine().getCommandName() + " --help'.");
          return ExitCodes.USAGE;
        });
    return commandLine.execute(args);
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
