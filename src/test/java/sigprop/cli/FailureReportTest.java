package sigprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.spark.SweepFailure;

/** What the command line prints when a verb fails. */
class FailureReportTest {
  private static final SweepFailure FULL_DISK = SweepFailure.writing(
      "wave 3's layers rows to file:/data/example/layers/wave=3",
      new IllegalStateException("[TASK_WRITE_FAILED] Task failed while writing rows",
          new IOException("No space left on device"))).resumable(15, 240, true);
  private static final String LINE = "sigprop sweep: writing wave 3's layers rows to"
      + " file:/data/example/layers/wave=3 failed: java.io.IOException: No space left on device;"
      + " 15 of 240 cells are committed and kept, and the same command with --resume runs the"
      + " other 225 once that is fixed";

  @TempDir
  Path dir;

  private static String report(Exception e, String logFile) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    if (logFile != null) {
      System.setProperty(TraceLog.PROPERTY, logFile);
    }
    try {
      Main.report(e, new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.clearProperty(TraceLog.PROPERTY);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  /**
   * A sweep's failed write printed about 130 lines of trace after Spark's 380: now one line
   * naming the log file, which gets the trace below what it already holds.
   */
  @Test
  void aFailedWriteIsOneLineWithItsTraceInTheLogFile() throws IOException {
    Path log = dir.resolve("sigprop.log");
    Files.writeString(log, "12:00:00 ERROR Executor: Exception in task 0.0\n");
    assertEquals(LINE + " (full trace: " + log + ")\n", report(FULL_DISK, log.toString()));
    String kept = Files.readString(log);
    assertTrue(kept.startsWith("12:00:00 ERROR Executor: Exception in task 0.0\n" + LINE + "\n"),
        kept);
    assertTrue(kept.contains("Caused by: java.io.IOException: No space left on device"), kept);
    assertTrue(kept.contains("\tat sigprop.cli.FailureReportTest"), kept);
  }

  /**
   * Without a log file (spark-submit), or when it cannot be written (the same full disk), the
   * trace comes first and the line last, where the terminal shows it: it came first, under 130
   * lines of trace.
   */
  @Test
  void withoutAWritableLogFileTheTracePrecedesTheLine() {
    for (String log : new String[] {null, dir.toString()}) {
      String text = report(FULL_DISK, log);
      assertTrue(text.startsWith(LINE + "\n\tat "), text);
      assertTrue(text.endsWith("\n" + LINE + "\n"), text);
      assertTrue(text.contains("Caused by: java.io.IOException: No space left on device"), text);
    }
  }

  /** Any other failure is a bug to report: the exception and its trace, as ever. */
  @Test
  void anyOtherFailureKeepsItsTrace() {
    String text = report(new IllegalStateException("wave 3 returned 4 cell rows for 5 cells"),
        dir.resolve("unused.log").toString());
    assertTrue(text.startsWith("sigprop: java.lang.IllegalStateException: wave 3 returned 4 cell"
        + " rows for 5 cells\njava.lang.IllegalStateException: wave 3"), text);
    assertTrue(text.contains("\tat sigprop.cli.FailureReportTest"), text);
    assertTrue(Files.notExists(dir.resolve("unused.log")));
  }

  /** Spark's reports in the log file with no line of sigprop's naming it: named at exit. */
  @Test
  void aLogFileSparkWroteIsNamedWhenNoLineDid() throws IOException {
    Path log = dir.resolve("spark.log");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setProperty(TraceLog.PROPERTY, log.toString());
    try {
      PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
      TraceLog.nameIfWritten(stream); // not made: a run without failed tasks
      assertEquals("", err.toString(StandardCharsets.UTF_8));
      Files.writeString(log, "12:00:00 WARN TaskSetManager: Lost task 0.0 in stage 3.0\n");
      TraceLog.nameIfWritten(stream);
    } finally {
      System.clearProperty(TraceLog.PROPERTY);
    }
    assertEquals("sigprop: Spark's reports of failed tasks are in " + log + "\n",
        err.toString(StandardCharsets.UTF_8));
  }
}
