package sigprop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The log file that keeps a failure's stack trace when the console gets one line for it: the
 * file jobs/sigprop names with {@code -Dsigprop.log} (one per run in the temporary folder, made
 * only when something is written to it), where conf/log4j2.properties also sends Spark's reports
 * of the failed tasks.
 */
final class TraceLog {
  static final String PROPERTY = "sigprop.log";

  private TraceLog() {}

  /**
   * Appends the failure's trace to the log file and returns the file; null when no file is
   * named or it cannot be written (a full disk), so that the caller prints the trace instead.
   */
  static Path keep(Throwable failure) {
    String name = System.getProperty(PROPERTY, "");
    if (name.isBlank()) {
      return null;
    }
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    Path file = Path.of(name);
    try {
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return file;
    } catch (IOException | RuntimeException unwritable) {
      return null;
    }
  }

  /**
   * Names the log file when Spark wrote to it and no line of sigprop's did (tasks that failed
   * and were retried, a failure printed with its trace), so that it is never left unnamed.
   */
  static void nameIfWritten(PrintStream err) {
    String name = System.getProperty(PROPERTY, "");
    if (name.isBlank()) {
      return;
    }
    Path file = Path.of(name);
    try {
      if (Files.isRegularFile(file) && Files.size(file) > 0) {
        err.println("sigprop: Spark's reports of failed tasks are in " + file);
      }
    } catch (IOException gone) {
      // Removed meanwhile: nothing to name.
    }
  }
}
