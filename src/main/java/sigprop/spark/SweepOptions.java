package sigprop.spark;

import java.util.List;

/**
 * The sweep verb's options.
 *
 * @param config the config path (local, or any Hadoop-supported URI)
 * @param overrides {@code key.path=value} settings applied before validation
 * @param outDir the results root; the sweep writes to {@code outDir/<sweep>/}
 * @param resume run only the cells not yet complete
 * @param overwrite delete existing results first
 * @param master the Spark master when {@code spark.master} is not already set
 * @param waveSeconds the estimated duration of one committed batch of cells (a kill loses at
 *     most two)
 * @param taskSlots how many parallel slots to plan tasks for; 0 = Spark's default parallelism
 * @param taskWork target work per task in flop-equivalents; NaN = automatic
 */
public record SweepOptions(String config, List<String> overrides, String outDir, boolean resume,
    boolean overwrite, String master, double waveSeconds, int taskSlots, double taskWork) {

  /** One wave per two minutes of estimated work. */
  public static final double DEFAULT_WAVE_SECONDS = 120;

  public SweepOptions {
    overrides = List.copyOf(overrides);
  }
}
