package sigprop.spark;

/**
 * A sweep that stopped part way because a write failed (a full disk, a folder that cannot be
 * made) or a wave's task failed (an error in its cells' code that Spark's retries did not
 * clear): its message is one line for the user, what failed, the root cause, what is kept and
 * how to continue; the stack trace (about 130 lines through Spark and Hadoop) is the cause's.
 */
public final class SweepFailure extends OneLineFailure {
  private static final long serialVersionUID = 1L;

  private SweepFailure(String message, Throwable cause) {
    super(message, 1, cause);
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
    return new SweepFailure("sigprop sweep: " + getMessage() + ": " + rootCause(getCause())
        + "; " + kept + ", and the same command with --resume runs the other "
        + (cells - committed) + " once that is fixed", getCause());
  }
}
