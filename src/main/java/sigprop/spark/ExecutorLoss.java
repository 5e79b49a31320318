package sigprop.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wave's task lost with its executor on its last allowed attempt (the executor's JVM killed,
 * out of memory, or its worker lost): the driver gets no error of the task's own, only Spark's
 * stage failure, whose message names the task's last failure, e.g. {@code Job aborted due to
 * stage failure: Task 0 in stage 1.0 failed 1 times, most recent failure: Lost task 0.0 in stage
 * 1.0 (TID 2) (127.0.0.1 executor 0): ExecutorLostFailure (executor 0 exited caused by one of the
 * running tasks) Reason: Command exited with code 137}. Spark's typed reason ({@code
 * ExecutorLostFailure}) reaches only listeners, so the message is read.
 */
record ExecutorLoss(int attempts, String reason) {
  private static final Pattern STAGE_FAILURE = Pattern.compile(
      "failed (\\d+) times?, most recent failure: .*?(ExecutorLostFailure \\(.*)");

  /** The loss a job failure {@code failure} (or one of its causes) tells of, or null. */
  static ExecutorLoss in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      Matcher m = STAGE_FAILURE.matcher(message == null ? "" : message);
      if (m.find()) {
        return new ExecutorLoss(Integer.parseInt(m.group(1)), m.group(2).strip());
      }
    }
    return null;
  }
}
