package sigprop.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Whether the JVM is stopping (Ctrl-C, SIGTERM) while a verb runs. A stopped sweep is no error to
 * explain with stack traces: Spark's shutdown aborts the jobs in flight, each abort logged an
 * ERROR with its trace and the verb's own exception followed (about 300 lines after one Ctrl-C),
 * burying the one thing to know, that {@code --resume} continues. Once the JVM stops, logging is
 * off and the verb's exception is one line ({@link #line}).
 */
final class StopSignal {
  private static volatile boolean stopping;

  private StopSignal() {}

  /** Watches for the JVM's shutdown from now on. */
  static void install() {
    Runtime.getRuntime().addShutdownHook(new Thread(StopSignal::stop, "sigprop-stop"));
  }

  /** True once the JVM has begun to stop. */
  static boolean stopping() {
    return stopping;
  }

  /**
   * The one line for a verb's exception once the JVM stops. The stop need not be a signal:
   * Spark exits the JVM itself on a fatal error in a task (an OutOfMemoryError, logged before
   * the stop), so the exception's own first line stays, with no trace.
   */
  static String line(Exception e) {
    return "sigprop: stopped before the end, the JVM shutting down (a signal, or a fatal error"
        + " logged above): " + String.valueOf(e).lines().findFirst().orElse("");
  }

  private static void stop() {
    stopping = true;
    Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
  }
}
