package sigprop.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

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
    return SparkSession.builder().appName(appName).config(conf).getOrCreate();
  }

  /**
   * The heap one concurrently running cell may use: the executor heap divided by its cores on a
   * cluster, the driver's heap divided by the local cores in local mode.
   */
  public static long heapPerTask(String master) {
    SparkConf conf = new SparkConf();
    String m = conf.get("spark.master", master == null ? "local[*]" : master);
    if (m.startsWith("local")) {
      int cores = localCores(m);
      return Runtime.getRuntime().maxMemory() / Math.max(1, cores);
    }
    long executor = conf.getSizeAsBytes("spark.executor.memory", "1g");
    int cores = conf.getInt("spark.executor.cores", 1);
    return executor / Math.max(1, cores);
  }

  /** The thread count of a local master: local, local[4], local[*], local[2,4]. */
  static int localCores(String master) {
    int open = master.indexOf('[');
    if (open < 0) {
      return 1;
    }
    String inside = master.substring(open + 1, master.indexOf(']')).split(",")[0].trim();
    return inside.equals("*") ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(inside);
  }
}
