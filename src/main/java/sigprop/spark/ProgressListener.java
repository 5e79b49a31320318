package sigprop.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * Prints a progress line whenever a task's end moves the count of cells done (a failed attempt's
 * end or the theory table's does not): cells done / total, elapsed time and an ETA from the work
 * done so far, cells weighed by their cost ({@code CostModel.work}):
 * tasks run most expensive first, so cells counted equal would put the early ETAs far too high.
 * Also sums the tasks' run time, so a sweep can tell its time in tasks from its time around them.
 */
final class ProgressListener extends SparkListener {
  private final PrintStream out;
  private final long total;
  private final LongSupplier done;
  private final double totalWork;
  private final DoubleSupplier workDone;
  private final long start = System.nanoTime();
  /** No line until a cell is done: a failed attempt's end before then is no progress. */
  private long lastPrinted;
  private long firstTask = -1;
  private long taskMillis;

  ProgressListener(PrintStream out, long total, LongSupplier done, double totalWork,
      DoubleSupplier workDone) {
    this.out = out;
    this.total = total;
    this.done = done;
    this.totalWork = totalWork;
    this.workDone = workDone;
  }

  /** The rate clock starts with the first task: Spark's start and planning are not cells' work. */
  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart taskStart) {
    if (firstTask < 0) {
      firstTask = System.nanoTime();
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
    if (taskEnd.taskMetrics() != null) {
      addTaskMillis(taskEnd.taskMetrics().executorRunTime());
    }
    report();
  }

  private synchronized void addTaskMillis(long millis) {
    taskMillis += millis;
  }

  /** The run time of every task that ended so far (failed attempts too), in seconds. */
  synchronized double taskSeconds() {
    return taskMillis / 1e3;
  }

  synchronized void report() {
    long d = Math.min(done.getAsLong(), total);
    if (d == lastPrinted) {
      return;
    }
    lastPrinted = d;
    long now = System.nanoTime();
    double elapsed = (now - start) / 1e9;
    double working = (now - (firstTask < 0 ? start : firstTask)) / 1e9;
    String eta = eta(working, d, Math.min(workDone.getAsDouble(), totalWork));
    out.printf(Locale.ROOT, "sigprop: %d/%d cells (%.0f%%), elapsed %s, ETA %s%n", d, total,
        100.0 * d / Math.max(1, total), clock(elapsed), eta);
    out.flush();
  }

  /**
   * The time left at the rate of work done so far ({@code elapsed} counted from the first task's
   * start); "?" before any, 0:00 once all cells are.
   */
  String eta(double elapsed, long cells, double work) {
    if (cells >= total) {
      return clock(0);
    }
    return cells == 0 || !(work > 0) ? "?" : clock(elapsed * (totalWork - work) / work);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
