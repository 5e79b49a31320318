package sigprop.spark;

/**
 * An exception a cell task's own code threw on an executor (not the Parquet writer that
 * consumes its rows, nor a cell recorded {@code failed}), marked so that the driver tells a
 * failed task from a failed write: both reach it wrapped alike by Spark's write job.
 */
final class CellTaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The task's failure {@code where} ("in cell c…", "before its first cell"). */
  CellTaskFailure(String where, Throwable cause) {
    super(where, cause);
  }

  /** The first such failure in {@code failure}'s causes, or null. */
  static CellTaskFailure in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CellTaskFailure f) {
        return f;
      }
    }
    return null;
  }
}
