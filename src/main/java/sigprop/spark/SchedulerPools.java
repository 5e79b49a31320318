package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;

/**
 * The fair scheduler and its pools for a session sigprop starts: the sweep's waves share the
 * default pool, first in first out; short jobs that other work waits for (the theory table, a
 * wave's cells commit) go to {@link #SIDE}, served first whenever one of its tasks waits. Spark
 * reads the pools from a file, so the one in the jar is copied out once; settings the user gave
 * are kept.
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
      conf.set("spark.scheduler.allocation.file", copy().toUri().toString());
    }
  }

  private static Path copy() {
    try (InputStream in = SchedulerPools.class.getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IOException(FILE + " is missing from the class path");
      }
      Path file = Files.createTempFile("sigprop-pools-", ".xml");
      file.toFile().deleteOnExit();
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
