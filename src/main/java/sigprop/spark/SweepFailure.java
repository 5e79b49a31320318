package sigprop.spark;

/**
 * A sweep that stopped part way because a write failed (a full disk, a folder that cannot be
 * made), a wave's task failed (an error in its cells' code that Spark's retries did not
 * clear) or was lost with its executor on its last allowed attempt: its message is one line
 * for the user, what failed, the root cause, what is kept and how to continue; the stack trace
 * (about 130 lines through Spark and Hadoop) is the cause's.
 */
public final class SweepFailure extends OneLineFailure {
  private static final long serialVersionUID = 1L;

  /** Why, when not the cause's root cause (an executor lost leaves none of its own). */
  private final String why;

  private SweepFailure(String message, String why, Throwable cause) {
    super(message, 1, cause);
    this.why = why;
  }

  private SweepFailure(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * The failure of the job that runs wave {@code wave}'s cells as it writes their layers rows
   * to {@code layers}: a task's error, a task lost with its executor, else a failed write; to be
   * completed by {@link #resumable}.
   */
  static SweepFailure ofWave(int wave, String layers, Throwable cause) {
    CellTaskFailure failed = CellTaskFailure.in(cause);
    if (failed != null) {
      return task(wave, failed, cause);
    }
    ExecutorLoss lost = ExecutorLoss.in(cause);
    if (lost != null) {
      return new SweepFailure("a task of wave " + wave + " failed " + lost.attempts()
          + " time(s) (spark.task.maxFailures), the last with its executor lost",
          lost.reason() + " (the executor's JVM died or its worker was lost: that executor's"
          + " stderr and its worker's log say why)", cause);
    }
    return writing("wave " + wave + "'s layers rows to " + layers, cause);
  }

  /** A failure while writing {@code what}, to be completed by {@link #resumable}. */
  public static SweepFailure writing(String what, Throwable cause) {
    return new SweepFailure("writing " + what + " failed", cause);
  }

  /**
   * A failure of one of wave {@code wave}'s tasks, {@code task} the mark its code left among
   * {@code cause}'s causes; to be completed by {@link #resumable}.
   */
  static SweepFailure task(int wave, CellTaskFailure task, Throwable cause) {
    return new SweepFailure("a task of wave " + wave + " failed " + task.getMessage(), cause);
  }

  /**
   * The one line: what failed and why, how many of the sweep's cells are committed (kept), and
   * that {@code --resume} runs the others.
   */
  public SweepFailure resumable(long committed, long cells) {
    String kept = committed == 0 ? "no cell is committed yet"
        : committed + " of " + cells + " cells are committed and kept";
    return new SweepFailure("sigprop sweep: " + getMessage() + ": "
        + (why != null ? why : rootCause(getCause())) + "; " + kept
        + ", and the same command with --resume runs the other " + (cells - committed)
        + " once that is fixed", getCause());
  }
}
