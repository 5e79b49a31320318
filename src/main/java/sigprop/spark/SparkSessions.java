package sigprop.spark;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import sigprop.net.HeapRegions;

/** Starts sigprop's Spark session, choosing the master only when none is configured. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * The session for a job: {@code spark.master} from spark-submit or system properties wins;
   * otherwise {@code master} (default {@code local[*]}).
   */
  public static SparkSession start(String appName, String master) {
    CompilerFocus.once();
    SparkConf conf = new SparkConf();
    if (!conf.contains("spark.master")) {
      conf.setMaster(master == null ? "local[*]" : master);
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "true");
    SchedulerPools.configure(conf);
    conf.setIfMissing("spark.sql.parquet.compression.codec", "zstd");
    // Arrays as Parquet's two-level lists (`repeated int32 array`): Spark's writer then adds
    // each element directly instead of opening a group and a field for it, which was 40 % of
    // the layers table's encoding (histogram slots and counts). Spark, pyarrow and DuckDB read
    // them as the same array<int> and array<long> columns.
    conf.setIfMissing("spark.sql.parquet.writeLegacyFormat", "true");
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "500");
    // The classic (in-process) builder: SparkSession.builder() first finds it through Scala
    // reflection, whose runtime universe took 0.5 s to start.
    return org.apache.spark.sql.classic.SparkSession.builder().appName(appName).config(conf)
        .getOrCreate();
  }

  /**
   * The heap one concurrently running cell may use: the executor heap less the memory Spark
   * reserves for its own objects, divided by its cores on a cluster; the driver's heap, less the
   * same, divided by the local cores in local mode.
   */
  public static long heapPerTask(String master) {
    SparkConf conf = new SparkConf();
    String m = masterOf(conf, master);
    int cores = m.startsWith("local") ? localCores(m) : conf.getInt("spark.executor.cores", 1);
    // At least 1 byte: 0 would mean "unchecked", and a heap within Spark's reserve holds no cell.
    return Math.max(1, (executorHeap(conf, m) - SPARK_RESERVED) / Math.max(1, cores));
  }

  /**
   * The heap Spark keeps for its own objects in every JVM that runs tasks (its unified memory
   * manager's reserved system memory): not the cells'.
   */
  static final long SPARK_RESERVED = 300L << 20;

  /**
   * What the memory check cannot know, said before the sweep starts: on a standalone master an
   * executor without {@code spark.executor.cores} takes every core of its worker and runs that
   * many cells in one heap, while the check assumed one. Null when there is nothing to say.
   */
  public static String executorCoresNote(String master) {
    SparkConf conf = new SparkConf();
    if (!masterOf(conf, master).startsWith("spark://") || conf.contains("spark.executor.cores")) {
      return null;
    }
    return "spark.executor.cores is not set: the memory check gave each cell an executor's whole"
        + " heap (spark.executor.memory, " + conf.get("spark.executor.memory", "1g") + "), but a"
        + " standalone executor then takes every core of its worker and runs as many cells at"
        + " once; set spark.executor.cores to check against the heap each cell gets";
  }

  /**
   * G1's region size in the JVMs that run the cells, from their whole heap
   * (sigprop.net.HeapRegions, for the memory estimate).
   */
  public static long executorRegionBytes(String master) {
    SparkConf conf = new SparkConf();
    return HeapRegions.forHeap(executorHeap(conf, masterOf(conf, master)));
  }

  /**
   * The cells a sweep on this master runs at once when it is local (spark.master wins): a local
   * master's threads, a local-cluster's workers × cores per worker; 0 for a cluster's master.
   */
  public static int localThreads(String master) {
    String m = masterOf(new SparkConf(), master);
    Matcher cluster = LOCAL_CLUSTER.matcher(m);
    if (cluster.matches()) {
      return (int) Math.min(Integer.MAX_VALUE,
          (long) parseCount(cluster.group(1)) * localCores(m));
    }
    return m.startsWith("local") ? localCores(m) : 0;
  }

  /** spark.master from spark-submit or system properties, else the given one (local[*]). */
  private static String masterOf(SparkConf conf, String master) {
    return conf.get("spark.master", master == null ? "local[*]" : master);
  }

  /**
   * The heap of a JVM that runs cells: this one in local mode, else an executor's (local-cluster
   * too: its executors are processes of their own, with {@code spark.executor.memory}).
   */
  private static long executorHeap(SparkConf conf, String master) {
    return LOCAL.matcher(master).matches() ? Runtime.getRuntime().maxMemory()
        : conf.getSizeAsBytes("spark.executor.memory", "1g");
  }

  /** Spark's local masters: local, local[N], local[*], local[N, maxFailures], local[*, F]. */
  private static final Pattern LOCAL =
      Pattern.compile("local(?:\\[\\s*([0-9]+|\\*)\\s*(?:,\\s*[0-9]+\\s*)?])?");
  /** local-cluster[workers, cores per worker, MiB per worker]. */
  private static final Pattern LOCAL_CLUSTER =
      Pattern.compile("local-cluster\\[\\s*([0-9]+)\\s*,\\s*([0-9]+)\\s*,\\s*[0-9]+\\s*]");

  /**
   * Rejects a master Spark would reject, before anything starts: a local master whose form is
   * not one of Spark's or that asks for no threads, or a URL without a scheme.
   */
  public static void checkMaster(String master) {
    if (master.startsWith("local")) {
      localCores(master);
    } else if (!master.matches("(spark|k8s|mesos)://.+|yarn")) {
      throw new IllegalArgumentException("--master: '" + master + "' is not a Spark master"
          + " (local, local[N], local[*], local[N,F], spark://host:port, yarn, k8s://…)");
    }
  }

  /** The thread count of a local master: local, local[4], local[*], local[2,4]. */
  static int localCores(String master) {
    Matcher local = LOCAL.matcher(master);
    Matcher cluster = LOCAL_CLUSTER.matcher(master);
    int cores;
    if (local.matches()) {
      String n = local.group(1);
      cores = n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors()
          : parseCount(n);
    } else if (cluster.matches()) {
      cores = parseCount(cluster.group(2));
    } else {
      throw new IllegalArgumentException("--master: '" + master + "' is not a local master"
          + " Spark knows (local, local[N], local[*], local[N,F], local-cluster[W,C,M])");
    }
    if (cores < 1) {
      throw new IllegalArgumentException("--master: '" + master + "' asks for no threads");
    }
    return cores;
  }

  private static int parseCount(String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // more digits than an int: certainly not "no threads"
    }
  }

}
