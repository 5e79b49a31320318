package sigprop.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.spark.SparkConf;

/**
 * The fair scheduler and its pools for a session sigprop starts: the sweep's waves share the
 * default pool, first in first out; short jobs that other work waits for (the theory table, a
 * wave's cells commit) go to {@link #SIDE}, served first whenever one of its tasks waits. Spark
 * reads the pools from a file, so the one in the jar is copied out once per JVM; settings the user
 * gave are kept.
 */
final class SchedulerPools {
  /** The pool of short jobs that others wait for. */
  static final String SIDE = "sigprop-side";
  private static final String FILE = "scheduler-pools.xml";

  private SchedulerPools() {}

  /** Sets FAIR mode and the pools file unless the configuration already names them. */
  static void configure(SparkConf conf) {
    conf.setIfMissing("spark.scheduler.mode", "FAIR");
    if (!conf.contains("spark.scheduler.allocation.file")) {
      conf.set("spark.scheduler.allocation.file", PoolsFile.PATH);
    }
  }

  /** The pools file, copied out of the jar once per JVM, at first use. */
  private static final class PoolsFile {
    static final String PATH = copy();

    private static String copy() {
      try {
        Path file = ResourceFiles.copy(SchedulerPools.class, FILE);
        file.toFile().deleteOnExit();
        return file.toUri().toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
