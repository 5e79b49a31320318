package sigprop.spark;

/**
 * An exception a sweep task's own code threw on an executor (a cell task's, not a cell recorded
 * {@code failed}; or the theory table's), not the Parquet writer that consumes its rows: marked
 * so that the driver tells a failed task from a failed write, both reaching it wrapped alike by
 * Spark's write job.
 */
final class TaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The task's failure {@code where} ("in cell c…", "for configuration g…"). */
  TaskFailure(String where, Throwable cause) {
    super(where, cause);
  }

  /** The first such failure in {@code failure}'s causes, or null. */
  static TaskFailure in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TaskFailure f) {
        return f;
      }
    }
    return null;
  }
}
