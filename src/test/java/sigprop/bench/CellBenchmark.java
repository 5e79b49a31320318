package sigprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CellStatus;
import sigprop.experiment.InputSpec;
import sigprop.experiment.RecordSpec;
import sigprop.experiment.TrainingSpec;
import sigprop.net.GradientSink;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.Loss;
import sigprop.net.LossType;
import sigprop.net.MatMul;
import sigprop.net.MatMuls;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.Probe;
import sigprop.net.Site;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.StandardActivation;
import sigprop.net.WeightMode;

/**
 * Time of one whole cell, single-threaded: a depth-layer tanh net of the given width (xavier
 * normal init, batch or no norm, 10-class cross-entropy head) on a batch × width input, one
 * forward + backward pass at initialization with every site recorded, as a sweep runs it
 * ({@link CellRunner#run}, network build included). Effective GFLOP/s = 6·depth·batch·width² /
 * time. Two baselines give the statistics' share: {@code work=pass} is the same build and
 * passes without statistics (no histograms, moments or Jacobian; the same products), {@code
 * work=products} only the three matrix products per layer; statistics per layer = (cell − pass)
 * and their fraction of the products = (cell − pass) / products.
 *
 * <p>Each iteration prints, per part it ran, "cpu-seconds: …", the thread's CPU time (what the
 * part costs when it has a core to itself: the machine may be shared), and "wall-seconds: …".
 * With {@code work=all} the three parts run in the same fork one after the other, so the
 * statistics' share is not a difference of figures from separate JVMs. Each fork prints
 * "peak-heap: …" at its end: the sum of the heap pools' peaks (an upper bound of the peak heap)
 * and the old generation's peak, to show what a case needs of its -Xmx.
 *
 * <p>How to run: {@code jobs/bench-cell} (runs each case in a forked JVM with -Xmx2g, or -Xmx1g
 * for the 256 cells, and prints the GFLOP/s and statistics table); JMH options pass through,
 * e.g. {@code jobs/bench-cell -i 5}. Directly: {@code java -cp <test classpath>
 * org.openjdk.jmh.Main CellBenchmark -p width=256 -p batch=256 -jvmArgsAppend -Xmx1g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules=jdk.incubator.vector"})
public class CellBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Hidden layers. */
  @Param({"500"})
  public int depth;

  /** Units per hidden layer, and the input width. */
  @Param({"512"})
  public int width;

  /** Examples per batch. */
  @Param({"512"})
  public int batch;

  /** batch or none. */
  @Param({"batch", "none"})
  public String norm;

  /**
   * cell (everything, as a sweep runs it), pass (no statistics), products (GEMMs only), or all:
   * the three one after the other in each invocation, the order rotating, so the statistics'
   * share comes from figures measured side by side in one warmed JVM.
   */
  @Param({"cell"})
  public String work;

  /** redrawn (the default for cells at initialization) or kept (needs about twice the heap). */
  @Param({"redrawn"})
  public String weights;

  private CellSpec cell;
  private WeightMode weightMode;
  private MatMul mm;
  private Matrix[] operands;
  /** The parts an invocation runs: one, or all three for work=all. */
  private String[] parts;
  private long[] cpuNanos;
  private long[] wallNanos;
  private int invocations;

  /** The cell, and for work=products seeded operands of the layer's three products. */
  @Setup(Level.Trial)
  public void setUp() {
    Norm n = Norm.fromKey(norm);
    weightMode = WeightMode.valueOf(weights.toUpperCase(Locale.ROOT));
    NetworkSpec net = NetworkSpec.uniform(width, width, depth, StandardActivation.TANH, n,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 10);
    RecordSpec record = new RecordSpec(RecordSpec.DEFAULT.sites(), List.of(0),
        RecordSpec.DEFAULT.histogram());
    cell = new CellSpec("bench", "cell", net, new InputSpec(batch, width, "normal", 0, false),
        LossType.CROSS_ENTROPY, 1, record, TrainingSpec.DEFAULT, Map.of());
    mm = MatMuls.best();
    parts = switch (work) {
      case "cell", "pass", "products" -> new String[] {work};
      case "all" -> new String[] {"cell", "pass", "products"};
      default -> throw new IllegalArgumentException(
          "work must be cell, pass, products or all, got " + work);
    };
    cpuNanos = new long[parts.length];
    wallNanos = new long[parts.length];
    if (List.of(parts).contains("products")) {
      SplittableRandom rng = new SplittableRandom(1);
      operands = new Matrix[] {random(batch, width, rng), random(width, width, rng),
          new Matrix(batch, width), random(batch, width, rng), new Matrix(width, width),
          new Matrix(batch, width)};
    }
  }

  private static Matrix random(int rows, int cols, SplittableRandom rng) {
    Matrix m = new Matrix(rows, cols);
    RandomStreams.standardNormals(rng, m.data);
    return m;
  }

  /**
   * One cell, its baseline, or all three (each part timed on its own); the results are returned
   * so the JIT cannot drop the work.
   */
  @Benchmark
  public Object[] run() {
    Object[] results = new Object[parts.length];
    for (int k = 0; k < parts.length; k++) {
      int p = (invocations + k) % parts.length;
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      results[p] = runPart(parts[p]);
      cpuNanos[p] += THREADS.getCurrentThreadCpuTime() - cpu;
      wallNanos[p] += System.nanoTime() - wall;
    }
    invocations++;
    return results;
  }

  private Object runPart(String part) {
    switch (part) {
      case "cell":
        CellResult r = CellRunner.run(cell, mm, weightMode);
        if (r.status() != CellStatus.OK) {
          throw new IllegalStateException("cell " + r.status() + ": " + r.message());
        }
        return r;
      case "pass":
        return passWithoutStatistics();
      default:
        return products();
    }
  }

  private Matrix passWithoutStatistics() {
    Network net = Network.build(cell.network(), batch, cell.seed(), mm, weightMode);
    Matrix x = cell.input().draw(cell.seed());
    Loss loss = cell.loss().create(batch, cell.network().classes(),
        RandomStreams.of(cell.seed(), 0, Purpose.TARGETS));
    Matrix out = net.forward(x, WEIGHT_GRADIENTS_ONLY);
    Matrix g = new Matrix(out.rows, out.cols);
    loss.gradient(out, g);
    net.backward(g, WEIGHT_GRADIENTS_ONLY, GradientSink.NONE);
    return g;
  }

  /**
   * Records nothing, but asks for the weight gradients, so that the pass forms the same three
   * products per layer as the cell, which records them (without it the net skips ∂L/∂W).
   */
  private static final Probe WEIGHT_GRADIENTS_ONLY = new Probe() {
    @Override
    public boolean wants(int layer, Site site) {
      return site == Site.WEIGHT_GRADIENT;
    }

    @Override
    public void record(int layer, Site site, Matrix values, int log2Scale) {}
  };

  /** Per layer as backprop does them: z = x·W, dW = xᵀ·gZ, gIn = gZ·Wᵀ. */
  private Matrix products() {
    Matrix x = operands[0];
    Matrix w = operands[1];
    Matrix gZ = operands[3];
    for (int l = 0; l < depth; l++) {
      mm.ab(x, w, operands[2]);
      mm.aTb(x, gZ, operands[4]);
      mm.abT(gZ, w, operands[5]);
    }
    return operands[5];
  }

  /**
   * Prints each part's CPU and wall time of the iteration for jobs/bench-cell: on a shared
   * machine the wall time includes the time the thread waited for a core, the CPU time only the
   * time it ran.
   */
  @TearDown(Level.Iteration)
  public void reportTimes(IterationParams iteration) {
    String phase = iteration.getType() == IterationType.WARMUP ? "warmup" : "measurement";
    System.out.println();
    for (int p = 0; p < parts.length; p++) {
      String params = String.format(Locale.ROOT, "depth=%d width=%d batch=%d norm=%s work=%s"
          + " weights=%s %s", depth, width, batch, norm, parts[p], weights, phase);
      System.out.printf(Locale.ROOT, "cpu-seconds: %s %.3f%n", params, cpuNanos[p] / 1e9);
      System.out.printf(Locale.ROOT, "wall-seconds: %s %.3f%n", params, wallNanos[p] / 1e9);
      cpuNanos[p] = 0;
      wallNanos[p] = 0;
    }
  }

  /** Prints the peak heap of this fork for jobs/bench-cell. */
  @TearDown(Level.Trial)
  public void reportPeakHeap() {
    long peak = 0;
    long old = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
        if (pool.getName().contains("Old")) {
          old = pool.getPeakUsage().getUsed();
        }
      }
    }
    // The old generation holds the long-lived and large arrays (G1 puts arrays of half a
    // region or more there directly), so its peak is close to the peak live data.
    System.out.printf(Locale.ROOT, "%npeak-heap: depth=%d width=%d batch=%d norm=%s work=%s"
        + " weights=%s heap_peak_mib=%d old_gen_peak_mib=%d max_mib=%d%n", depth, width, batch,
        norm, work, weights, peak >> 20, old >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
