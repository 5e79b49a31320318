package sigprop.spark;

/**
 * A sweep that stopped part way because a write failed (a full disk, a folder that cannot be
 * made): its message is one line for the user, what was being written, the root cause, what is
 * kept and how to continue; the stack trace (about 130 lines through Spark and Hadoop) is the
 * cause's.
 */
public final class SweepFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private SweepFailure(String message, Throwable cause) {
    super(message, cause);
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

  /** The first line of the innermost cause: what went wrong under Spark's and Hadoop's wrappers. */
  static String rootCause(Throwable e) {
    Throwable root = e;
    for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 100;
        depth++) {
      root = root.getCause();
    }
    return String.valueOf(root).lines().findFirst().orElse(root.getClass().getName());
  }

  /** The message alone, as the command line prints it. */
  @Override
  public String toString() {
    return getMessage();
  }
}
