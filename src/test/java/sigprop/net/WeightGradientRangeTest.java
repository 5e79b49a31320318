package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;

/**
 * ∂L/∂W = inᵀ·∂L/∂z is formed from a layer's input at its true size and the gradient carried as
 * g̃·2^s. An input near double's limit times a g̃ of order one overflowed it to ±∞, though the
 * true weight gradient (here about 1e151) is an ordinary double: the record counted non-finite
 * values (a diverged cell) and SGD wrote ∞ into the weights. Such a product is formed again
 * with a power of two taken out of the input and carried in the gradient's scale, as the
 * output gradients carry theirs.
 */
class WeightGradientRangeTest {
  private static final int BATCH = 8;

  /**
   * Linear, 4 → 4 → 3 classes, N(0, std²) weights: with std 1e-150, inputs up to 1.7e308 give z
   * of order 1e158.
   */
  private static Network net(long seed, double std) {
    NetworkSpec spec = NetworkSpec.uniform(4, 4, 1, StandardActivation.LINEAR, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", std)), 3);
    return Network.build(spec, BATCH, seed, PlainMatMul.INSTANCE);
  }

  private static Matrix hugeInput() {
    return input(1.7e308); // the largest |x| just below Double.MAX_VALUE
  }

  private static Matrix input(double largest) {
    Matrix x = new Matrix(BATCH, 4);
    RandomStreams.standardNormals(RandomStreams.of(3, 0, Purpose.INPUT), x.data);
    double max = 0;
    for (double v : x.data) {
      max = Math.max(max, Math.abs(v));
    }
    for (int i = 0; i < x.size(); i++) {
      x.data[i] *= largest / max;
    }
    return x;
  }

  private static Loss loss() {
    return LossType.CROSS_ENTROPY.create(BATCH, 3, RandomStreams.of(0, 0, Purpose.TARGETS));
  }

  /** What a probe saw of layer 1's pre-activation and weight gradients. */
  private static final class Seen implements Probe {
    Matrix gradZ;
    int gradZScale;
    Matrix gradW;
    int gradWScale;
    Matrix reference;
    int referenceScale;

    @Override
    public boolean wants(int layer, Site site) {
      return layer == 1;
    }

    @Override
    public void record(int layer, Site site, Matrix values, int log2Scale) {
      if (site == Site.PRE_ACTIVATION_GRADIENT) {
        gradZ = values.copy();
        gradZScale = log2Scale;
      } else if (site == Site.WEIGHT_GRADIENT) {
        gradW = values.copy();
        gradWScale = log2Scale;
      }
    }
  }

  @Test
  void aWeightGradientBeyondTheScaledRangeIsCarriedInTheScale() {
    Seen seen = checkedAgainstTheScaledProduct(net(1, 1e-150), hugeInput(), 1020, 140, 165);
    // The record a cell writes: no non-finite values, and the variance at its true size, in
    // log10 (about 1e316: the variance column reads +∞, as an output gradient's would).
    SiteAccumulator acc = SiteAccumulator.forBound(Double.NaN);
    acc.add(seen.gradW.data, 0, seen.gradW.size(), seen.gradWScale);
    SiteRecord record = acc.toRecord();
    assertEquals(0, record.nonFinite());
    assertEquals(16, record.count());
    double[] trueValues = new double[seen.reference.size()];
    for (int i = 0; i < trueValues.length; i++) {
      trueValues[i] = Math.scalb(seen.reference.data[i], seen.referenceScale - 1000); // × 2^-1000
    }
    double log10Variance = Math.log10(new Variance().evaluate(trueValues)) + 2000 * Math.log10(2);
    assertEquals(log10Variance, record.log10Variance(), 1e-12 * log10Variance);
    assertTrue(log10Variance > 310, "beyond double's range: 1e" + log10Variance);
    assertEquals(Double.POSITIVE_INFINITY, record.variance(), "the nearest double, as documented");
  }

  /**
   * Layer 1's weight gradient against xᵀ·g̃z formed with 2^shift taken out of x first and every
   * scale put back (exact powers of two, so the same products and sums in the same order), each
   * entry's true size between 10^lo and 10^hi.
   */
  private static Seen checkedAgainstTheScaledProduct(Network net, Matrix x, int shift, double lo,
      double hi) {
    Matrix out = net.forward(x, Probe.NONE);
    Matrix g = new Matrix(out.rows, out.cols);
    loss().gradient(out, g);
    Seen seen = new Seen();
    net.backward(g, seen, GradientSink.NONE);
    assertNotNull(seen.gradW);
    Matrix scaled = x.copy();
    for (int i = 0; i < scaled.size(); i++) {
      scaled.data[i] = Math.scalb(scaled.data[i], -shift);
    }
    Matrix reference = new Matrix(4, 4);
    PlainMatMul.INSTANCE.aTb(scaled, seen.gradZ, reference);
    int referenceScale = seen.gradZScale + shift;
    for (int i = 0; i < reference.size(); i++) {
      double got = seen.gradW.data[i];
      assertTrue(Double.isFinite(got), "entry " + i + ": " + got);
      double want = Math.scalb(reference.data[i], referenceScale - seen.gradWScale);
      assertEquals(want, got, 1e-14 * Math.abs(want), "entry " + i);
      double log10 = Math.log10(Math.abs(got)) + seen.gradWScale * Math.log10(2);
      assertTrue(log10 > lo && log10 < hi, "true size 1e" + log10);
    }
    seen.reference = reference;
    seen.referenceScale = referenceScale;
    return seen;
  }

  /**
   * Inputs of 1e-312 (an underflowed layer's output, subnormal) times g̃ of order one: the
   * products, subnormal too, kept about 12 digits of the input's 14; formed again at order
   * one, every entry keeps what the input has. The true ∂L/∂W is about 1e-162.
   */
  @Test
  void aTinyWeightGradientKeepsItsBits() {
    checkedAgainstTheScaledProduct(net(1, 1e150), input(1e-312), -1020, -175, -150);
  }

  @Test
  void anSgdStepWithSuchAGradientStaysFinite() {
    Network net = net(1, 1e-150);
    Matrix before = net.layers().get(0).weight().value().copy();
    Matrix out = net.forward(hugeInput(), Probe.NONE);
    Matrix g = new Matrix(out.rows, out.cols);
    loss().gradient(out, g);
    Sgd sgd = new Sgd(1e-160, 0, 0);
    Seen seen = new Seen();
    net.backward(g, seen, sgd);
    assertFalse(sgd.sawNonFinite());
    Matrix after = net.layers().get(0).weight().value();
    for (int i = 0; i < after.size(); i++) {
      double step = Math.scalb(seen.gradW.data[i], seen.gradWScale) * 1e-160;
      assertEquals(before.data[i] - step, after.data[i], 1e-15 * Math.abs(after.data[i]));
      assertTrue(after.data[i] != before.data[i], "the step moved weight " + i);
    }
  }

  @Test
  void anSgdStepWhoseTrueUpdateOverflowsIsSeen() {
    Sgd sgd = new Sgd(1.0, 0, 0);
    Parameter w = new Parameter("weight", new Matrix(1, 2));
    Matrix gradient = new Matrix(1, 2);
    gradient.data[0] = 1.5;
    sgd.accept(1, w, gradient, 1024); // 1.5·2^1024: beyond double's range
    assertTrue(sgd.sawNonFinite());
  }
}
