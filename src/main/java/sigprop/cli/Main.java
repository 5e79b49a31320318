package sigprop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import sigprop.spark.OneLineFailure;

/** sigprop's command line: one verb per job. */
public final class Main {
  /**
   * A verb's entry point: arguments after the verb, output and error streams; returns exit code.
   */
  interface Verb {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;
  }

  private static final Map<String, Verb> VERBS = new LinkedHashMap<>();
  private static final Map<String, String> HELP = new LinkedHashMap<>();

  static {
    verb("check", "gradient-check every layer type, activation and loss", CheckCommand::run);
    verb("grid", "expand a config's grid without running it (dry run)",
        (args, out, err) -> sigprop.experiment.GridCommand.run(args, out, err,
            new sigprop.spark.GridEnvironment()));
    verb("sweep", "run a config's grid on Spark and write Parquet",
        sigprop.spark.SweepCommand::run);
    verb("summarize", "average a sweep's Parquet over seeds into CSV tables and figures",
        sigprop.spark.SummarizeCommand::run);
    verb("theory", "print mean-field and linear-regime predictions per layer",
        (args, out, err) -> sigprop.theory.TheoryCommand.run(args, out, err));
  }

  private Main() {}

  private static void verb(String name, String help, Verb verb) {
    VERBS.put(name, verb);
    HELP.put(name, help);
  }

  /** Runs the verb named by args[0] and exits with its code (1 for an uncaught failure). */
  public static void main(String[] args) {
    StopSignal.install();
    int code;
    boolean named = false;
    try {
      code = run(args, System.out, System.err);
    } catch (Exception e) {
      named = report(e, System.err);
      code = e instanceof OneLineFailure f ? f.exitCode() : 1;
    }
    if (!named) {
      TraceLog.nameIfWritten(System.err);
    }
    System.out.flush();
    System.exit(code);
  }

  /**
   * Says why a verb failed: after a stop, or for a {@link OneLineFailure} (a failed write, a
   * damaged sweep folder), one line, its trace kept in the {@link TraceLog} when there is one
   * and otherwise printed before it, so that the line stays the last on the terminal
   * (spark-submit); any other failure is a bug to report, the exception and its trace. Returns
   * whether the line named the log file.
   */
  static boolean report(Exception e, PrintStream err) {
    if (StopSignal.stopping()) { // Ctrl-C or SIGTERM: the failure is the stop's, not a bug
      err.println(StopSignal.line(e instanceof OneLineFailure
          && e.getCause() instanceof Exception c ? c : e));
    } else if (e instanceof OneLineFailure) {
      Path log = TraceLog.keep(e);
      if (log == null) {
        e.printStackTrace(err);
      }
      err.println(e.getMessage() + (log == null ? "" : " (full trace: " + log + ")"));
      return log != null;
    } else {
      err.println("sigprop: " + e);
      e.printStackTrace(err);
    }
    return false;
  }

  /** Dispatches to a verb; exit code 2 for usage errors. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")
        || args[0].equals("help") && args.length == 1) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    boolean help = args[0].equals("help"); // "help VERB" as "VERB --help"
    String name = args[help ? 1 : 0];
    Verb verb = VERBS.get(name);
    if (verb == null) {
      err.println("sigprop: " + sigprop.net.Names.unknown("verb", name, VERBS.keySet()));
      err.println("(sigprop --help lists the verbs)");
      return 2;
    }
    return verb.run(help ? new String[] {"--help"} : Arrays.copyOfRange(args, 1, args.length),
        out, err);
  }

  private static void usage(PrintStream s) {
    s.println("usage: sigprop VERB [options]   (sigprop VERB --help lists a verb's options)");
    for (Map.Entry<String, String> e : HELP.entrySet()) {
      s.printf("  %-10s %s%n", e.getKey(), e.getValue());
    }
  }
}
