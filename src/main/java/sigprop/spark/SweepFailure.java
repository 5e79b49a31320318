package sigprop.spark;

/**
 * A sweep that stopped part way because a write failed (a full disk, a folder that cannot be
 * made), a task of a wave or of the theory table failed (an error in its own code that Spark's
 * retries did not clear) or was lost with its executor on its last allowed attempt: its message
 * is one line for the user, what failed, the root cause, what is kept and how to continue; the
 * stack trace (about 130 lines through Spark and Hadoop) is the cause's.
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
   * to {@code layers}; to be completed by {@link #resumable}.
   */
  static SweepFailure ofWave(int wave, String layers, Throwable cause) {
    return ofJob("wave " + wave, "wave " + wave + "'s layers rows to " + layers, cause);
  }

  /**
   * The failure of the job that computes the theory rows as it writes them to {@code theory};
   * to be completed by {@link #resumable}.
   */
  static SweepFailure ofTheory(String theory, Throwable cause) {
    return ofJob("the theory table", "the theory table to " + theory, cause);
  }

  /**
   * The failure of a job ({@code job}: "wave 3") whose tasks' rows are written as they are
   * made: a task's own error, a task lost with its executor, else a failed write of
   * {@code written}.
   */
  private static SweepFailure ofJob(String job, String written, Throwable cause) {
    TaskFailure failed = TaskFailure.in(cause);
    if (failed != null) {
      return new SweepFailure("a task of " + job + " failed " + failed.getMessage(), cause);
    }
    ExecutorLoss lost = ExecutorLoss.in(cause);
    if (lost != null) {
      return new SweepFailure("a task of " + job + " failed " + lost.attempts()
          + " time(s) (spark.task.maxFailures), the last with its executor lost",
          lost.reason() + " (the executor's JVM died or its worker was lost: that executor's"
          + " stderr and its worker's log say why)", cause);
    }
    return writing(written, cause);
  }

  /** A failure while writing {@code what}, to be completed by {@link #resumable}. */
  public static SweepFailure writing(String what, Throwable cause) {
    return new SweepFailure("writing " + what + " failed", cause);
  }

  /**
   * The one line: what failed and why, how many of the sweep's cells are committed (kept), and
   * that {@code --resume} runs the others and writes the theory table unless it is committed.
   */
  public SweepFailure resumable(long committed, long cells, boolean theoryCommitted) {
    String kept = committed == 0 ? "no cell is committed yet"
        : committed == cells ? "all " + cells + " cells are committed and kept"
        : committed + " of " + cells + " cells are committed and kept";
    String theory = theoryCommitted ? "" : " and writes the theory table";
    // With every cell and the theory table committed, what is missing is what another run lost.
    String rest = committed < cells ? "runs the other " + (cells - committed) + theory
        : theoryCommitted ? "writes what is missing" : "writes the theory table";
    return new SweepFailure("sigprop sweep: " + getMessage() + ": "
        + (why != null ? why : rootCause(getCause())) + "; " + kept
        + ", and the same command with --resume " + rest + " once that is fixed", getCause());
  }
}
