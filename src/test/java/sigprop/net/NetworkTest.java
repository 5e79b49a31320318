package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
  private static Matrix input(int batch, int width, long seed) {
    Matrix x = new Matrix(batch, width);
    RandomStreams.standardNormals(RandomStreams.of(seed, 0, Purpose.INPUT), x.data);
    return x;
  }

  /** A tanh net of equal hidden widths over an 8-wide input, with 4 classes. */
  private static NetworkSpec tanh(int width, int depth, Norm norm, InitScheme init) {
    return NetworkSpec.uniform(8, width, depth, StandardActivation.TANH, norm, InitSpec.of(init),
        4);
  }

  /** Cross-entropy over 4 classes, its targets from the stream (seed, 0, TARGETS). */
  private static Loss crossEntropy(int batch, long seed) {
    return LossType.CROSS_ENTROPY.create(batch, 4, RandomStreams.of(seed, 0, Purpose.TARGETS));
  }

  /** Runs forward and backward, returning the output and every gradient at true scale. */
  private static List<double[]> run(Network net, Matrix x, Loss loss) {
    List<double[]> result = new ArrayList<>();
    Matrix out = net.forward(x, Probe.NONE);
    result.add(out.data.clone());
    Matrix g = new Matrix(out.rows, out.cols);
    loss.gradient(out, g);
    net.backward(g, Probe.NONE, (layer, p, grad, scale) -> {
      double[] d = grad.data.clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.scalb(d[i], scale);
      }
      result.add(d);
    });
    return result;
  }

  private static void assertSameBits(List<double[]> expected, List<double[]> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i), actual.get(i), 0.0);
    }
  }

  @Test
  void sameSeedGivesBitIdenticalWeightsOutputsAndGradients() {
    NetworkSpec spec = tanh(16, 6, Norm.BATCH, InitScheme.XAVIER_NORMAL);
    Matrix x = input(10, 8, 0);
    Loss loss = crossEntropy(10, 3);
    List<double[]> a = run(Network.build(spec, 10, 3), x, loss);
    List<double[]> b = run(Network.build(spec, 10, 3), x, loss);
    assertSameBits(a, b);
    List<double[]> other = run(Network.build(spec, 10, 4), x, loss);
    assertTrue(other.get(0)[0] != a.get(0)[0]);
  }

  @Test
  void aReleasedNetworksMemoryGoesToTheNextOfTheSameShapeAndChangesNoBit() {
    NetworkSpec spec = tanh(16, 6, Norm.LAYER, InitScheme.XAVIER_NORMAL);
    Matrix x = input(10, 8, 0);
    Loss loss = crossEntropy(10, 3);
    Network first = Network.build(spec, 10, 3);
    List<double[]> expected = run(first, x, loss);
    double[] slab = first.kept().array(0);
    first.release();
    first.release();
    assertEquals(slab.length, SlabPool.freeDoubles(), "released once, however often asked");
    assertThrows(IllegalStateException.class, () -> first.forward(x, Probe.NONE));
    java.util.Arrays.fill(slab, Double.NaN); // whatever the last network left
    Network second = Network.build(spec, 10, 3);
    assertSame(slab, second.kept().array(0));
    assertEquals(0, SlabPool.freeDoubles());
    List<double[]> actual = run(second, x, loss);
    assertSameBits(expected, actual);
    second.release();
    // Another shape: the free slab is dropped, not kept beside the new network's own.
    Network wider = Network.build(tanh(17, 6, Norm.LAYER, InitScheme.XAVIER_NORMAL), 10, 3);
    assertEquals(0, SlabPool.freeDoubles());
    assertNotSame(slab, wider.kept().array(0));
    wider.release();
    SlabPool.take(new int[0]); // leave the pool empty
  }

  @Test
  void networksBuiltAndReleasedOnSeveralThreadsAtOnceNeverShareMemory() throws Exception {
    // Two shapes, so threads both reuse slabs and drop each other's, and a seed per thread, so
    // a shared slab would show; every run must give the bits of a network built alone.
    List<NetworkSpec> specs = List.of(
        tanh(64, 8, Norm.BATCH, InitScheme.XAVIER_NORMAL),
        tanh(48, 6, Norm.BATCH, InitScheme.XAVIER_NORMAL));
    int threads = 3;
    Matrix x = input(32, 8, 0);
    Loss loss = crossEntropy(32, 3);
    List<List<double[]>> expected = new ArrayList<>(); // index shape · threads + thread
    for (NetworkSpec spec : specs) {
      for (int t = 0; t < threads; t++) {
        expected.add(run(Network.build(spec, 32, t), x, loss));
      }
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 40; i++) {
            int shape = (seed + i / 3) % 2;
            Network net = Network.build(specs.get(shape), 32, seed);
            assertSameBits(expected.get(shape * threads + seed), run(net, x, loss));
            net.release();
          }
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    SlabPool.take(new int[0]);
  }

  @Test
  void rescalingGradientsByPowersOfTwoChangesNoBits() {
    NetworkSpec spec = tanh(16, 10, Norm.NONE, InitScheme.NORMAL);
    Matrix x = input(6, 8, 0);
    Loss loss = crossEntropy(6, 5);
    Network plain = Network.build(spec, 6, 5);
    plain.setRescaleExponent(Integer.MAX_VALUE);
    Network always = Network.build(spec, 6, 5);
    always.setRescaleExponent(0);
    List<double[]> a = run(plain, x, loss);
    List<double[]> b = run(always, x, loss);
    assertSameBits(a, b);
  }

  @Test
  void gradientsBeyondDoubleRangeStayFiniteWithTheirScale() {
    // N(0,1) weights, tanh, width 64: the gradient variance grows ≈ 5× per layer toward the
    // input (χ₁ = 64·E[φ′²] at the saturated fixed point), so |g| passes 2^64 long before layer 1.
    NetworkSpec spec = NetworkSpec.uniform(64, 64, 200, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 4);
    Network net = Network.build(spec, 16, 1);
    Matrix out = net.forward(input(16, 64, 0), Probe.NONE);
    Matrix g = new Matrix(out.rows, out.cols);
    LossType.SUM_OF_OUTPUTS.create(16, 4, null).gradient(out, g);
    int[] lastScale = new int[1];
    boolean[] finite = {true};
    net.backward(g, new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return site == Site.OUTPUT_GRADIENT;
      }
      @Override public void record(int layer, Site site, Matrix values, int log2Scale) {
        for (double v : values.data) {
          finite[0] &= Double.isFinite(v);
        }
        lastScale[0] = log2Scale;
      }
    }, GradientSink.NONE);
    assertTrue(finite[0]);
    assertTrue(lastScale[0] > 64, "scale " + lastScale[0]);
  }

  @Test
  void batchNormWithOneExampleIsRejected() {
    NetworkSpec spec = NetworkSpec.uniform(4, 4, 2, StandardActivation.TANH, Norm.BATCH,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Network.build(spec, 1, 0));
    assertTrue(e.getMessage().contains("batch of at least 2"), e.getMessage());
    Network.build(spec.withNorm(Norm.LAYER), 1, 0);
  }

  @Test
  void batchNormOutputsHaveZeroMeanUnitVariancePerUnit() {
    NetworkSpec spec = NetworkSpec.uniform(8, 12, 1, StandardActivation.LINEAR, Norm.BATCH,
        InitSpec.of(InitScheme.NORMAL), 2);
    Network net = Network.build(spec, 50, 9);
    net.forward(input(50, 8, 1), new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return layer == 1 && site == Site.NORMALIZED;
      }
      @Override public void record(int layer, Site site, Matrix v, int scale) {
        for (int j = 0; j < v.cols; j++) {
          double s = 0;
          double ss = 0;
          for (int i = 0; i < v.rows; i++) {
            s += v.get(i, j);
            ss += v.get(i, j) * v.get(i, j);
          }
          assertEquals(0.0, s / v.rows, 1e-12);
          // biased variance normalized with eps: σ²/(σ² + eps) ≈ 1 − eps/σ²
          assertEquals(1.0, ss / v.rows, 1e-3);
        }
      }
    });
  }

  @Test
  void probeSeesSitesInTheDocumentedOrder() {
    NetworkSpec spec = NetworkSpec.uniform(3, 4, 2, StandardActivation.TANH, Norm.LAYER,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 2);
    Network net = Network.build(spec, 5, 0);
    List<String> seen = new ArrayList<>();
    Probe probe = new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return true;
      }
      @Override public void record(int layer, Site site, Matrix values, int scale) {
        seen.add(layer + ":" + site.key());
      }
    };
    Matrix out = net.forward(input(5, 3, 0), probe);
    Matrix g = new Matrix(out.rows, out.cols);
    g.fill(1);
    net.backward(g, probe, GradientSink.NONE);
    assertEquals(List.of("1:pre_activation", "1:weight", "1:normalized", "1:output",
        "2:pre_activation", "2:weight", "2:normalized", "2:output",
        "3:pre_activation", "3:weight", "3:output",
        "3:output_gradient", "3:pre_activation_gradient", "3:weight_gradient",
        "2:output_gradient", "2:pre_activation_gradient", "2:weight_gradient",
        "1:output_gradient", "1:pre_activation_gradient", "1:weight_gradient"), seen);
  }

  @Test
  void sgdStepLowersTheLossOnAFixedBatch() {
    NetworkSpec spec = tanh(16, 3, Norm.BATCH, InitScheme.XAVIER_NORMAL);
    Network net = Network.build(spec, 32, 2);
    Matrix x = input(32, 8, 2);
    Loss loss = crossEntropy(32, 2);
    Sgd sgd = new Sgd(0.1, 0.9, 1e-4);
    double first = loss.value(net.forward(x, Probe.NONE));
    double last = first;
    for (int step = 0; step < 20; step++) {
      Matrix out = net.forward(x, Probe.NONE);
      last = loss.value(out);
      Matrix g = new Matrix(out.rows, out.cols);
      loss.gradient(out, g);
      net.backward(g, Probe.NONE, sgd);
    }
    assertTrue(last < 0.7 * first, first + " -> " + last);
  }
}
