package sigprop.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import sigprop.net.MatMul;
import sigprop.net.Matrix;
import sigprop.net.PlainMatMul;
import sigprop.net.VectorMatMul;

/**
 * Throughput of the matrix kernels on square n × n products, single-threaded; one product is 2n³
 * flops, so GFLOP/s = ops/s × 2n³ / 1e9.
 *
 * <p>How to run: {@code jobs/bench-matmul} (prints the GFLOP/s table); JMH options pass through,
 * e.g. {@code jobs/bench-matmul -p size=512 -p kernel=vector -f 2}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules=jdk.incubator.vector"})
public class MatMulBenchmark {
  /** n: batch and width as the network uses them. */
  @Param({"256", "512"})
  public int size;

  /** Which product: ab (forward), abT (backward to the input), aTb (weight gradient). */
  @Param({"ab", "abT", "aTb"})
  public String op;

  /** Which kernel. */
  @Param({"plain", "vector"})
  public String kernel;

  private MatMul matMul;
  private Matrix a;
  private Matrix b;
  private Matrix c;

  /** Seeded operands, so every run multiplies the same numbers. */
  @Setup
  public void setUp() {
    switch (kernel) {
      case "plain":
        matMul = PlainMatMul.INSTANCE;
        break;
      case "vector":
        matMul = new VectorMatMul();
        break;
      default:
        throw new IllegalArgumentException("kernel must be plain or vector, got " + kernel);
    }
    if (!op.equals("ab") && !op.equals("abT") && !op.equals("aTb")) {
      throw new IllegalArgumentException("op must be ab, abT or aTb, got " + op);
    }
    SplittableRandom random = new SplittableRandom(42);
    a = new Matrix(size, size);
    b = new Matrix(size, size);
    c = new Matrix(size, size);
    for (int i = 0; i < a.size(); i++) {
      a.data[i] = random.nextDouble() - 0.5;
      b.data[i] = random.nextDouble() - 0.5;
    }
  }

  /** One product; returned so the JIT cannot drop the work. */
  @Benchmark
  public Matrix multiply() {
    switch (op) {
      case "ab":
        matMul.ab(a, b, c);
        break;
      case "abT":
        matMul.abT(a, b, c);
        break;
      default:
        matMul.aTb(a, b, c);
    }
    return c;
  }
}
