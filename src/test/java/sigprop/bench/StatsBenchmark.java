package sigprop.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;

/**
 * The cost of summarizing one site: a size×size tensor through {@link SiteAccumulator} and into a
 * {@link SiteRecord}, to compare with that layer's matrix product (2·512³ flops ≈ 7 ms at 40
 * GFLOP/s). Divide the score by size² for ns per value.
 *
 * <p>Run: {@code mvn -B -o -q test-compile}, {@code mvn -B -o -q dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}, then {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.openjdk.jmh.Main StatsBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StatsBenchmark {
  /** Tensor side: size × size values. */
  @Param({"256", "512"})
  public int size;

  /**
   * linear: tanh outputs in 200 bins over [−1, 1] with saturation; log: gradient-like Gaussians
   * at scale 2^-700 in {@link LogBins#DEFAULT}; relu: half exact zeros, log bins.
   */
  @Param({"linear", "log", "relu"})
  public String kind;

  private double[] values;
  private int log2Scale;
  private SiteAccumulator accumulator;

  /** Fixed data per trial so every iteration sees the same values. */
  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    values = new double[size * size];
    for (int i = 0; i < values.length; i++) {
      double z = random.nextGaussian();
      values[i] = switch (kind) {
        case "linear" -> Math.tanh(2 * z);
        case "relu" -> Math.max(0, z);
        default -> z;
      };
    }
    log2Scale = kind.equals("log") ? -700 : 0;
    accumulator = kind.equals("linear")
        ? new SiteAccumulator(new LinearBins(-1, 1, 200), 1)
        : new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
  }

  /** One site: reset, one fused pass over the tensor, snapshot (trims the histogram). */
  @Benchmark
  public SiteRecord site() {
    accumulator.reset();
    accumulator.add(values, 0, values.length, log2Scale);
    return accumulator.toRecord();
  }
}
