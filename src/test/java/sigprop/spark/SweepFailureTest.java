package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/**
 * The one line a sweep's failed wave or theory table ends with, for each way their jobs fail:
 * the theory table's said in the same kinds of words as a wave's.
 */
class SweepFailureTest {
  private static final String LAYERS = "file:/data/chaos/layers/wave=0";
  private static final String THEORY = "file:/data/chaos/theory";
  /** The stage failure of a task whose executor was killed, as Spark's write job throws it. */
  private static final SparkException LOST = new SparkException("Job aborted due to stage"
      + " failure: Task 0 in stage 1.0 failed 1 times, most recent failure: Lost task 0.0 in"
      + " stage 1.0 (TID 2) (127.0.0.1 executor 0): ExecutorLostFailure (executor 0 exited"
      + " caused by one of the running tasks) Reason: Command exited with code 137\nDriver"
      + " stacktrace:");

  /**
   * An executor JVM killed (kill -9) while it ran a wave's task, on a standalone cluster with
   * spark.task.maxFailures=1: the stage failure Spark's write job threw, verbatim. The line said
   * "writing wave 0's layers rows … failed", as if a write had failed.
   */
  @Test
  void aTaskLostWithItsExecutorIsSaidSo() {
    assertEquals("sigprop sweep: a task of wave 0 failed 1 time(s) (spark.task.maxFailures),"
        + " the last with its executor lost: ExecutorLostFailure (executor 0 exited caused by"
        + " one of the running tasks) Reason: Command exited with code 137 (the executor's JVM"
        + " died or its worker was lost: that executor's stderr and its worker's log say why);"
        + " no cell is committed yet, and the same command with --resume runs the other 48 and"
        + " writes the theory table once that is fixed",
        SweepFailure.ofWave(0, LAYERS, LOST).resumable(0, 48, false).getMessage());
  }

  /**
   * The theory table's task lost with its executor was said "writing the theory table to …
   * failed", as if a write had failed; with every cell committed, --resume writes the table.
   */
  @Test
  void aTheoryTaskLostWithItsExecutorIsSaidSo() {
    assertEquals("sigprop sweep: a task of the theory table failed 1 time(s)"
        + " (spark.task.maxFailures), the last with its executor lost: ExecutorLostFailure"
        + " (executor 0 exited caused by one of the running tasks) Reason: Command exited with"
        + " code 137 (the executor's JVM died or its worker was lost: that executor's stderr and"
        + " its worker's log say why); all 48 cells are committed and kept, and the same command"
        + " with --resume writes the theory table once that is fixed",
        SweepFailure.ofTheory(THEORY, LOST).resumable(48, 48, false).getMessage());
  }

  /** A task's own error that Spark retried 4 times ends the stage alike: not a lost executor. */
  @Test
  void aTasksOwnErrorIsSaidAsItsCellsError() {
    SparkException failed = new SparkException("Job aborted due to stage failure: Task 0 in stage"
        + " 1.0 failed 4 times, most recent failure: Lost task 0.3 in stage 1.0 (TID 5)"
        + " (127.0.0.1 executor 0): sigprop.spark.TaskFailure: in cell c0123456789abcdef",
        new TaskFailure("in cell c0123456789abcdef", new IllegalStateException("bad")));
    assertEquals("sigprop sweep: a task of wave 2 failed in cell c0123456789abcdef:"
        + " java.lang.IllegalStateException: bad; 8 of 48 cells are committed and kept, and the"
        + " same command with --resume runs the other 40 once that is fixed",
        SweepFailure.ofWave(2, LAYERS, failed).resumable(8, 48, true).getMessage());
  }

  /**
   * A failed write (a full disk) stays a write, with its root cause; with the theory table
   * committed, --resume has only cells to run.
   */
  @Test
  void aFailedWriteIsSaidAsAWrite() {
    SparkException full = new SparkException("[TASK_WRITE_FAILED] Task failed while writing rows",
        new IOException("No space left on device"));
    assertEquals("sigprop sweep: writing wave 0's layers rows to " + LAYERS + " failed:"
        + " java.io.IOException: No space left on device; no cell is committed yet, and the same"
        + " command with --resume runs the other 48 once that is fixed",
        SweepFailure.ofWave(0, LAYERS, full).resumable(0, 48, true).getMessage());
  }

  /** The theory table's failed write stays a write, named as before. */
  @Test
  void aFailedTheoryWriteIsSaidAsAWrite() {
    SparkException full = new SparkException("[TASK_WRITE_FAILED] Task failed while writing rows",
        new IOException("No space left on device"));
    assertEquals("sigprop sweep: writing the theory table to " + THEORY + " failed:"
        + " java.io.IOException: No space left on device; 8 of 48 cells are committed and kept,"
        + " and the same command with --resume runs the other 40 and writes the theory table once"
        + " that is fixed",
        SweepFailure.ofTheory(THEORY, full).resumable(8, 48, false).getMessage());
  }
}
