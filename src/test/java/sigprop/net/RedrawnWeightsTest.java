package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A network that redraws its weights gives the bits of one that keeps them, at every site. */
class RedrawnWeightsTest {
  /** Every recorded tensor, as raw bits, with its site and scale, in the order seen. */
  private static final class Recorder implements Probe {
    final List<String> sites = new ArrayList<>();
    final List<long[]> bits = new ArrayList<>();

    @Override
    public boolean wants(int layer, Site site) {
      return true;
    }

    @Override
    public void record(int layer, Site site, Matrix values, int log2Scale) {
      sites.add(layer + ":" + site.key() + "@" + log2Scale);
      bits.add(raw(values.data));
    }

    @Override
    public void recordJacobian(int layer, double meanSquaredSingularValue) {
      sites.add(layer + ":jacobian");
      bits.add(raw(new double[] {meanSquaredSingularValue}));
    }
  }

  private static long[] raw(double[] d) {
    long[] r = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      r[i] = Double.doubleToRawLongBits(d[i]);
    }
    return r;
  }

  private static Recorder run(NetworkSpec spec, int batch, long seed, WeightMode mode) {
    return run(spec, batch, seed, mode, Network.DEFAULT_RESCALE_EXPONENT);
  }

  private static Recorder run(NetworkSpec spec, int batch, long seed, WeightMode mode,
      int rescaleExponent) {
    Network net = Network.build(spec, batch, seed, MatMuls.best(), mode);
    net.setRescaleExponent(rescaleExponent);
    Matrix x = new Matrix(batch, spec.inputWidth());
    RandomStreams.standardNormals(RandomStreams.of(seed, 0, Purpose.INPUT), x.data);
    Recorder r = new Recorder();
    Matrix out = net.forward(x, r);
    Matrix g = new Matrix(out.rows, out.cols);
    LossType.CROSS_ENTROPY.create(batch, spec.classes(),
        RandomStreams.of(seed, 0, Purpose.TARGETS)).gradient(out, g);
    net.backward(g, r, GradientSink.NONE);
    r.sites.add("output");
    r.bits.add(raw(out.data));
    return r;
  }

  private static void assertSameBits(NetworkSpec spec, int batch, long seed) {
    Recorder kept = run(spec, batch, seed, WeightMode.KEPT);
    Recorder redrawn = run(spec, batch, seed, WeightMode.REDRAWN);
    assertEquals(kept.sites, redrawn.sites);
    for (int i = 0; i < kept.bits.size(); i++) {
      assertArrayEquals(kept.bits.get(i), redrawn.bits.get(i), kept.sites.get(i));
    }
  }

  @Test
  void deepTanhBatchNormRecordsEverySiteBitForBit() {
    NetworkSpec spec = NetworkSpec.uniform(12, 24, 30, StandardActivation.TANH, Norm.BATCH,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 5);
    Recorder r = run(spec, 9, 1, WeightMode.REDRAWN);
    assertEquals(31 * 6 + 30 + 31, r.sites.size() - 1, "every site and Jacobian, once each");
    assertSameBits(spec, 9, 1);
  }

  @Test
  void rescaledGradientsToo() {
    // Rescaling at every layer (threshold 0), so the scales are compared as well.
    NetworkSpec spec = NetworkSpec.uniform(48, 48, 20, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 4);
    Recorder kept = run(spec, 6, 3, WeightMode.KEPT, 0);
    Recorder redrawn = run(spec, 6, 3, WeightMode.REDRAWN, 0);
    assertTrue(!kept.sites.contains("1:output_gradient@0"), "expected a rescaled gradient");
    assertEquals(kept.sites, redrawn.sites);
    for (int i = 0; i < kept.bits.size(); i++) {
      assertArrayEquals(kept.bits.get(i), redrawn.bits.get(i), kept.sites.get(i));
    }
  }

  @Test
  void otherNormsPlacementsActivationsAndInitsToo() {
    InitSpec bias = InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.1));
    for (InitScheme init : new InitScheme[] {InitScheme.XAVIER_UNIFORM, InitScheme.ORTHOGONAL,
        InitScheme.SPARSE, InitScheme.TRUNCATED_NORMAL}) {
      for (NormPlacement placement : NormPlacement.values()) {
        NetworkSpec spec = new NetworkSpec(7, List.of(10, 6, 13), StandardActivation.RELU,
            Norm.LAYER, placement, NetworkSpec.DEFAULT_EPS, InitSpec.of(init), bias, 3,
            StandardActivation.SIGMOID);
        assertSameBits(spec, 5, 8);
      }
    }
    assertSameBits(NetworkSpec.uniform(5, 8, 6, new Elu(1.0), Norm.NONE,
        InitSpec.of(InitScheme.KAIMING_NORMAL), 2), 4, 2);
  }

  @Test
  void redrawnWeightsCannotBeReadOrUpdated() {
    NetworkSpec spec = NetworkSpec.uniform(4, 4, 2, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 2);
    Network net = Network.build(spec, 3, 0, MatMuls.best(), WeightMode.REDRAWN);
    assertThrows(IllegalStateException.class, net::parameters);
    assertThrows(IllegalStateException.class, () -> net.layers().get(0).weight());
    Matrix out = net.forward(new Matrix(3, 4), Probe.NONE);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> net.backward(new Matrix(out.rows, out.cols), Probe.NONE, new Sgd(0.1, 0, 0)));
    assertTrue(e.getMessage().contains("REDRAWN"), e.getMessage());
  }

  @Test
  void redrawnNetworksHoldNoWeights() {
    NetworkSpec spec = NetworkSpec.uniform(64, 64, 10, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 2);
    Network kept = Network.build(spec, 8, 0, MatMuls.best(), WeightMode.KEPT);
    Network redrawn = Network.build(spec, 8, 0, MatMuls.best(), WeightMode.REDRAWN);
    assertEquals(spec.weightCount(), kept.doublesHeld() - redrawn.doublesHeld());
  }
}
