package sigprop.spark;

/**
 * A sweep that stopped part way because a write failed (a full disk, a folder that cannot be
 * made): its message is one line for the user, what was being written, the root cause, what is
 * kept and how to continue; the stack trace (about 130 lines through Spark and Hadoop) is the
 * cause's.
 */
public final class SweepFailure extends OneLineFailure {
  private static final long serialVersionUID = 1L;

  private SweepFailure(String message, Throwable cause) {
    super(message, 1, cause);
  }

  /** A failure while writing {@code what}, to be completed by {@link #resumable}. */
  public static SweepFailure writing(String what, Throwable cause) {
    return new SweepFailure(what, cause);
  }

  /**
   * The one line: what failed and why, how many of the sweep's cells are committed (kept), and
   * that {@code --resume} runs the others.
   */
  public SweepFailure resumable(long committed, long cells) {
    String kept = committed == 0 ? "no cell is committed yet"
        : committed + " of " + cells + " cells are committed and kept";
    return new SweepFailure("sigprop sweep: writing " + getMessage() + " failed: "
        + rootCause(getCause()) + "; " + kept + ", and the same command with --resume runs the"
        + " other " + (cells - committed) + " once that is fixed", getCause());
  }
}
