package sigprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a verb's failure says once the JVM stops. */
class StopSignalTest {
  /**
   * A stop is not always a signal: Spark exits the JVM on a task's OutOfMemoryError, and the
   * line said "stopped by a signal" over it. It keeps the exception's first line, and no more.
   */
  @Test
  void theLineKeepsTheExceptionsFirstLineAndSaysTheStopMayNotBeASignal() {
    Exception e = new IllegalStateException("Job 3 cancelled because SparkContext was shut down"
        + "\n\tat org.apache.spark.scheduler.DAGScheduler.cleanUp");
    assertEquals("sigprop: stopped before the end, the JVM shutting down (a signal, or a fatal"
        + " error logged above): java.lang.IllegalStateException: Job 3 cancelled because"
        + " SparkContext was shut down", StopSignal.line(e));
  }
}
