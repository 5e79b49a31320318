package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * A NaN in the input never throws: it reaches its own example's outputs, or every example's
   * through batch norm (which shares statistics across the batch), and backprop carries it on.
   */
  @Test
  void aNaNInputSpreadsAsNaNWithoutThrowing() {
    for (Norm norm : Norm.values()) {
      NetworkSpec spec = tanh(6, 3, norm, InitScheme.XAVIER_NORMAL);
      Network net = Network.build(spec, 4, 1);
      Matrix x = input(4, 8, 0);
      x.data[8] = Double.NaN; // example 1
      Matrix out = net.forward(x, Probe.NONE).copy();
      for (int i = 0; i < 4; i++) {
        boolean reached = i == 1 || norm == Norm.BATCH;
        for (int k = 0; k < 4; k++) {
          assertEquals(reached, Double.isNaN(out.get(i, k)), norm + " example " + i);
        }
      }
      Matrix g = new Matrix(4, 4);
      crossEntropy(4, 1).gradient(out, g);
      boolean[] nan = {false};
      net.backward(g, Probe.NONE, (layer, p, grad, scale) -> {
        for (double v : grad.data) {
          nan[0] |= Double.isNaN(v);
        }
      });
      assertTrue(nan[0], norm + ": the parameter gradients carry the NaN");
    }
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

  /** Input 1 → hidden width n, linear φ, the given norm (eps 0.1) → 1 linear output, zeros. */
  private static Network normNet(Norm norm, int width, int batch) {
    InitSpec zeros = InitSpec.of(InitScheme.ZEROS);
    NetworkSpec spec = new NetworkSpec(1, List.of(width), StandardActivation.LINEAR, norm,
        NormPlacement.BEFORE_ACTIVATION, 0.1, zeros, zeros, 1, StandardActivation.LINEAR);
    return Network.build(spec, batch, 0, PlainMatMul.INSTANCE);
  }

  @Test
  void layerNormEpsEntersTheForwardValue() {
    Network net = normNet(Norm.LAYER, 4, 1);
    Layer hidden = net.layers().get(0);
    System.arraycopy(new double[] {0.025, 0.025, 1.975, 1.975}, 0,
        hidden.weight().value().data, 0, 4);
    hidden.norm().gamma().value().data[2] = 2.0;
    hidden.norm().beta().value().data[2] = 0.5;
    net.layers().get(1).weight().value().data[2] = 1.0; // the output reads unit 2
    Matrix x = new Matrix(1, 1, new double[] {1.0});
    // z = (0.025, 0.025, 1.975, 1.975): mean 1, deviations ±0.975, variance 0.950625;
    // + eps 0.1 = 1.050625 = 1.025², so unit 2 normalizes to 0.975 / 1.025 = 39/41
    // (without eps it would be 1); output γ·39/41 + β = 2·39/41 + 0.5.
    assertEquals(2.0 * 39 / 41 + 0.5, net.forward(x, Probe.NONE).data[0], 1e-14);
  }

  @Test
  void batchNormEpsEntersTheForwardValue() {
    Network net = normNet(Norm.BATCH, 1, 4);
    net.layers().get(0).weight().value().data[0] = 1.0;
    net.layers().get(0).norm().gamma().value().data[0] = 2.0;
    net.layers().get(0).norm().beta().value().data[0] = 0.5;
    net.layers().get(1).weight().value().data[0] = 1.0;
    Matrix x = new Matrix(4, 1, new double[] {0.025, 0.025, 1.975, 1.975});
    // As for layer norm, down the batch: x̂ = ∓39/41 with eps 0.1, output 2·x̂ + 0.5.
    Matrix out = net.forward(x, Probe.NONE);
    assertEquals(-2.0 * 39 / 41 + 0.5, out.data[0], 1e-14);
    assertEquals(2.0 * 39 / 41 + 0.5, out.data[3], 1e-14);
  }

  @Test
  void biasesComeFromTheirInitAndStreamAndShiftTheOutput() {
    InitSpec weights = InitSpec.of(InitScheme.XAVIER_NORMAL);
    NetworkSpec spec = new NetworkSpec(3, List.of(4), StandardActivation.LINEAR, Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, weights,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.5)), 2, StandardActivation.LINEAR);
    NetworkSpec unbiased = new NetworkSpec(3, List.of(4), StandardActivation.LINEAR, Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, weights,
        InitSpec.of(InitScheme.ZEROS), 2, StandardActivation.LINEAR);
    Network net = Network.build(spec, 3, 5, PlainMatMul.INSTANCE);
    Network plain = Network.build(unbiased, 3, 5, PlainMatMul.INSTANCE);
    // Layer l's biases are 0.5 times the standard normals of the stream (seed, l, BIASES).
    for (Layer layer : net.layers()) {
      java.util.SplittableRandom rng = RandomStreams.of(5, layer.index(), Purpose.BIASES);
      double[] b = layer.bias().value().data;
      for (int j = 0; j < b.length; j++) {
        assertEquals(0.5 * rng.nextGaussian(), b[j], 0.0, "layer " + layer.index() + " bias " + j);
        assertTrue(b[j] != 0.0);
      }
    }
    // Linear layers: out = (x·W₁ + b₁)·W₂ + b₂, so the biases shift every row by b₁·W₂ + b₂.
    Matrix x = input(3, 3, 5);
    Matrix shifted = net.forward(x, Probe.NONE).copy();
    Matrix out = plain.forward(x, Probe.NONE);
    double[] b1 = net.layers().get(0).bias().value().data;
    double[] b2 = net.layers().get(1).bias().value().data;
    Matrix w2 = net.layers().get(1).weight().value();
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 2; k++) {
        double shift = b2[k];
        for (int j = 0; j < 4; j++) {
          shift += b1[j] * w2.get(j, k);
        }
        assertEquals(out.get(i, k) + shift, shifted.get(i, k), 1e-13, "row " + i + " out " + k);
      }
    }
  }
}
