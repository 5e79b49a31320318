package sigprop.spark;

/**
 * A failure the command line reports in one line, its message: what failed and where, the root
 * cause, what is kept and what to do next. The stack trace, the cause's (through Spark and
 * Hadoop, often over a hundred lines), goes to a log file when one is named, else before the
 * line, so that the line stays the last on the terminal.
 */
public class OneLineFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure told by {@code line}, ending the verb with {@code exitCode}. */
  public OneLineFailure(String line, int exitCode, Throwable cause) {
    super(line, cause);
    this.exitCode = exitCode;
  }

  /** The verb's exit code: 1 when a job failed, 2 when its input is at fault. */
  public int exitCode() {
    return exitCode;
  }

  /** The first line of the innermost cause: what went wrong under Spark's and Hadoop's wrappers. */
  public static String rootCause(Throwable e) {
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
