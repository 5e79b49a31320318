package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The smallest net in mean squared error's overflow window: 1 → 1 → 1, tanh, batch 1, one
 * output o = w₂·tanh(w₁x) near 1.2e154, so the loss (o − t)² ≈ 1.4e308 is a double while
 * ∂L/∂h = 2(o − t)·w₂ ≈ 6e308 is not. The loss's gradient 2(o − t) was multiplied by w₂ before
 * backprop's first rescale and read ∞ (a recorded non-finite value: a diverged cell with a
 * finite loss); that product is formed again with a power of two taken out, as ∂L/∂W is.
 */
class OutputGradientRangeTest {
  private static final double X = 0.5;
  private static final double TARGET = 0.25;

  /** The net with w₁ = 1 and w₂ chosen so that o − t = {@code difference}. */
  static Network net(double difference) {
    NetworkSpec spec = NetworkSpec.uniform(1, 1, 1, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 1);
    Network net = Network.build(spec, 1, 0, PlainMatMul.INSTANCE);
    net.layers().get(0).weight().value().data[0] = 1;
    net.layers().get(1).weight().value().data[0] = (difference + TARGET) / Math.tanh(X);
    return net;
  }

  static Matrix input() {
    return new Matrix(1, 1, new double[] {X});
  }

  static Loss loss() {
    return new MeanSquaredErrorLoss(new Matrix(1, 1, new double[] {TARGET}));
  }

  /** Every gradient tensor of one pass as (values, scale), by layer and site. */
  static final class Seen implements Probe {
    final Map<Site, Matrix[]> values = new EnumMap<>(Site.class);
    final Map<Site, int[]> scales = new EnumMap<>(Site.class);

    @Override
    public boolean wants(int layer, Site site) {
      return true;
    }

    @Override
    public void record(int layer, Site site, Matrix v, int log2Scale) {
      values.computeIfAbsent(site, s -> new Matrix[3])[layer] = v.copy();
      scales.computeIfAbsent(site, s -> new int[3])[layer] = log2Scale;
    }

    /** The one value of a site's tensor at layer l, times 2^-shift, at true size. */
    double shifted(int layer, Site site, int shift) {
      return Math.scalb(values.get(site)[layer].data[0], scales.get(site)[layer] - shift);
    }
  }

  /** One pass with backward's scale taken from the loss. */
  static Seen pass(Network net, Loss loss, GradientSink sink) {
    Matrix out = net.forward(input(), Probe.NONE);
    Matrix g = new Matrix(out.rows, out.cols);
    int scale = loss.gradient(out, g);
    Seen seen = new Seen();
    net.backward(g, scale, seen, sink);
    return seen;
  }

  @Test
  void aGradientPastTheRangeBeforeTheFirstRescaleIsCarriedInItsScale() {
    double difference = 1.2e154;
    Network net = net(difference);
    Matrix out = net.forward(input(), Probe.NONE);
    double lossValue = loss().value(out);
    assertEquals(1.44e308, lossValue, 1e294, "a finite loss");
    Seen seen = pass(net, loss(), GradientSink.NONE);
    double w2 = net.layers().get(1).weight().value().data[0];
    double phiPrime = 1 - Math.tanh(X) * Math.tanh(X);
    // True values in units of 2^1024, each product rounded once as backprop rounds it.
    double dh = 2 * Math.scalb(difference, -512) * Math.scalb(w2, -512);
    assertEquals(dh, seen.shifted(1, Site.OUTPUT_GRADIENT, 1024), 1e-15 * dh);
    double dz = dh * phiPrime;
    assertEquals(dz, seen.shifted(1, Site.PRE_ACTIVATION_GRADIENT, 1024), 1e-15 * dz);
    assertEquals(X * dz, seen.shifted(1, Site.WEIGHT_GRADIENT, 1024), 1e-15 * X * dz);
    assertTrue(Math.scalb(dh, 1024) == Double.POSITIVE_INFINITY, "beyond double's range");
    double top = Math.scalb(2 * difference, -1024);
    assertEquals(top, seen.shifted(2, Site.OUTPUT_GRADIENT, 1024), 1e-15 * top);
  }

  /**
   * SGD on that net with η = 1e-10: ∂L/∂w₁ ≈ 2.4e308 is beyond double's range, the step η·∂L/∂w₁
   * ≈ 2.4e298 is not, and is taken at its true size (it wrote −∞ into w₁).
   */
  @Test
  void anSgdStepOnAGradientPastTheRangeIsTakenAtItsTrueSize() {
    Network net = net(1.2e154);
    Sgd sgd = new Sgd(1e-10, 0, 0);
    Seen seen = pass(net, loss(), sgd);
    assertFalse(sgd.sawNonFinite());
    double gradient = seen.shifted(1, Site.WEIGHT_GRADIENT, 1024);
    assertTrue(Math.scalb(gradient, 1024) == Double.POSITIVE_INFINITY, "beyond double's range");
    double expected = 1 - Math.scalb(1e-10 * gradient, 1024);
    double w1 = net.layers().get(0).weight().value().data[0];
    assertEquals(expected, w1, 1e-15 * Math.abs(expected));
    assertTrue(Math.abs(w1) > 1e298 && Math.abs(w1) < 1e299, "w1 = " + w1);
  }

  /** 1 → 1 → 2 linear, batch 1, weights w₁ and (a, b). */
  private static Network twoOutputs(double w1, double a, double b) {
    NetworkSpec spec = NetworkSpec.uniform(1, 1, 1, StandardActivation.LINEAR, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 2);
    Network net = Network.build(spec, 1, 0, PlainMatMul.INSTANCE);
    net.layers().get(0).weight().value().data[0] = w1;
    net.layers().get(1).weight().value().data[0] = a;
    net.layers().get(1).weight().value().data[1] = b;
    return net;
  }

  /**
   * Sum of outputs through head weights (1.5e308, 1.25e308) fed by h = 5e-11: the loss (about
   * 1.4e298) is a double, ∂L/∂h = a + b = 2.75e308 is not; formed at the carried g̃ = 1 it read
   * ∞, and is formed again with a power of two taken out, as ∂L/∂W is.
   */
  @Test
  void anInputGradientPastTheRangeIsCarriedInItsScale() {
    Seen seen = pass(twoOutputs(1e-10, 1.5e308, 1.25e308), new SumOfOutputsLoss(),
        GradientSink.NONE);
    double expected = Math.scalb(1.5e308, -1024) + Math.scalb(1.25e308, -1024);
    assertEquals(expected, seen.shifted(1, Site.OUTPUT_GRADIENT, 1024), 1e-15 * expected);
    double dw = X * expected;
    assertEquals(dw, seen.shifted(1, Site.WEIGHT_GRADIENT, 1024), 1e-15 * dw);
  }

  /**
   * MSE gradients near 1e-18 (not rescaled: within 2^64 of one) through head weights near
   * 1e-300: ∂L/∂h ≈ −3e-318 was a subnormal with about 20 of its 53 bits; formed at order one
   * it keeps them all.
   */
  @Test
  void aTinyInputGradientKeepsItsBits() {
    double a = 1.1e-300;
    double b = -1.7e-300;
    Network net = twoOutputs(1, a, b);
    Matrix targets = new Matrix(1, 2, new double[] {-1.3e-18, -2.7e-18});
    Matrix out = net.forward(input(), Probe.NONE).copy();
    Seen seen = pass(net, new MeanSquaredErrorLoss(targets), GradientSink.NONE);
    double ga = out.data[0] - targets.data[0];
    double gb = out.data[1] - targets.data[1];
    double expected = Math.scalb(ga, 64) * Math.scalb(a, 1000)
        + Math.scalb(gb, 64) * Math.scalb(b, 1000);
    assertEquals(expected, seen.shifted(1, Site.OUTPUT_GRADIENT, -1064),
        1e-15 * Math.abs(expected));
    assertTrue(Math.abs(Math.scalb(expected, -1064)) < Double.MIN_NORMAL, "a subnormal");
  }

  /**
   * A loss gradient beyond 2^64 but far from double's range edges (an MSE gradient near 1e28,
   * as deep N(0, 1) nets give) reaches the head as it is, scale 0, as in earlier builds:
   * rescaling it there moved the powers of two carried below and changed the bits of a selu
   * cell's smallest pre-activation gradients. Near the range's edge it is rescaled.
   */
  @Test
  void theLossGradientIsRescaledOnlyNearTheRangesEdges() {
    Seen ordinary = pass(net(1e28), loss(), GradientSink.NONE);
    assertEquals(0, ordinary.scales.get(Site.OUTPUT_GRADIENT)[2]);
    assertEquals(2e28, ordinary.values.get(Site.OUTPUT_GRADIENT)[2].data[0], 1e13);
    Seen edge = pass(net(1e300), loss(), GradientSink.NONE);
    int scale = edge.scales.get(Site.OUTPUT_GRADIENT)[2];
    assertTrue(scale > 900, "scale " + scale);
    assertEquals(2e300, edge.shifted(2, Site.OUTPUT_GRADIENT, 0), 1e285);
  }
}
