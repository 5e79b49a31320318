package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

class SgdTest {
  /**
   * Two steps of lr η = 0.1, momentum μ = 0.9, weight decay λ = 0.01 on w = (1, −2), the
   * gradients handed over as g̃ with log2 scale 3 (true gradient 8·g̃), worked by hand:
   * d = 8·g̃ + λ·w, v ← μ·v + d, w ← w − η·v.
   */
  @Test
  void twoStepsMatchTheHandWorkedUpdate() {
    Parameter p = new Parameter("weight", new Matrix(1, 2, new double[] {1.0, -2.0}));
    Sgd sgd = new Sgd(0.1, 0.9, 0.01);

    sgd.accept(1, p, new Matrix(1, 2, new double[] {0.5, -0.25}), 3);
    // w₀: d = 4 + 0.01·1 = 4.01, v = 4.01, w = 1 − 0.401 = 0.599
    // w₁: d = −2 + 0.01·(−2) = −2.02, v = −2.02, w = −2 + 0.202 = −1.798
    assertEquals(0.599, p.value().data[0], 1e-15);
    assertEquals(-1.798, p.value().data[1], 1e-15);

    sgd.accept(1, p, new Matrix(1, 2, new double[] {0.25, 0.125}), 3);
    // w₀: d = 2 + 0.01·0.599 = 2.00599, v = 0.9·4.01 + 2.00599 = 5.61499,
    //     w = 0.599 − 0.561499 = 0.037501
    // w₁: d = 1 + 0.01·(−1.798) = 0.98202, v = 0.9·(−2.02) + 0.98202 = −0.83598,
    //     w = −1.798 + 0.083598 = −1.714402
    assertEquals(0.037501, p.value().data[0], 1e-15);
    assertEquals(-1.714402, p.value().data[1], 1e-15);
  }

  /**
   * torch's update in decimal arithmetic (34 digits), no double range: v ← μ·v + (g + λ·w),
   * w ← w − η·v, the gradient g = g̃·2^s.
   */
  private static final class Reference {
    private static final MathContext MC = MathContext.DECIMAL128;
    final BigDecimal[] w;
    final BigDecimal[] v;
    final BigDecimal lr;
    final BigDecimal momentum;
    final BigDecimal decay;

    Reference(double[] w, double lr, double momentum, double decay) {
      this.w = new BigDecimal[w.length];
      this.v = new BigDecimal[w.length];
      for (int i = 0; i < w.length; i++) {
        this.w[i] = new BigDecimal(w[i]);
        this.v[i] = BigDecimal.ZERO;
      }
      this.lr = new BigDecimal(lr);
      this.momentum = new BigDecimal(momentum);
      this.decay = new BigDecimal(decay);
    }

    void step(double[] scaledGradient, int log2Scale) {
      BigDecimal two = log2Scale >= 0 ? BigDecimal.valueOf(2).pow(log2Scale)
          : BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(-log2Scale));
      for (int i = 0; i < w.length; i++) {
        BigDecimal g = new BigDecimal(scaledGradient[i]).multiply(two, MC);
        v[i] = momentum.multiply(v[i], MC).add(g, MC).add(decay.multiply(w[i], MC), MC);
        w[i] = w[i].subtract(lr.multiply(v[i], MC), MC);
      }
    }

    void assertMatches(Parameter p, String when) {
      for (int i = 0; i < w.length; i++) {
        double expected = w[i].doubleValue();
        assertTrue(Double.isFinite(expected), when + ": " + w[i]);
        assertEquals(expected, p.value().data[i], 1e-14 * Math.abs(expected), when + ", " + i);
      }
    }
  }

  /**
   * A true gradient of 1.5·2^1024 (beyond double's range) with η = 1e-10: the step, about
   * 2.7e298, is an ordinary double and is taken as such (it read −∞). With weight decay, and
   * with momentum, whose velocity passes the range at the second step and is kept as η·v from
   * there; the third step is an ordinary one again.
   */
  @Test
  void stepsWhoseGradientPassesTheRangeMatchTheExactUpdate() {
    for (double momentum : new double[] {0, 0.9}) {
      double[] w0 = {1.0, -2.0};
      Parameter p = new Parameter("weight", new Matrix(1, 2, w0.clone()));
      Sgd sgd = new Sgd(1e-10, momentum, 0.01);
      Reference exact = new Reference(w0, 1e-10, momentum, 0.01);
      double[][] gradients = {{0.5, -0.25}, {1.5, -0.75}, {0.25, 0.125}};
      int[] scales = {3, 1024, -20};
      for (int step = 0; step < 3; step++) {
        sgd.accept(1, p, new Matrix(1, 2, gradients[step].clone()), scales[step]);
        exact.step(gradients[step], scales[step]);
        exact.assertMatches(p, "momentum " + momentum + ", step " + step);
      }
      assertTrue(Math.abs(p.value().data[0]) > 1e298, "the big step was taken");
      assertFalse(sgd.sawNonFinite());
    }
  }

  /** A step truly beyond the range (η·g ≈ 2.7e308) writes ∞, and says so, with momentum too. */
  @Test
  void aStepTrulyBeyondTheRangeIsSeen() {
    for (double momentum : new double[] {0, 0.9}) {
      Sgd sgd = new Sgd(0.1, momentum, 0);
      Parameter p = new Parameter("weight", new Matrix(1, 1, new double[] {1}));
      sgd.accept(1, p, new Matrix(1, 1, new double[] {1.5}), 1027);
      assertTrue(sgd.sawNonFinite(), "momentum " + momentum);
      assertEquals(Double.NEGATIVE_INFINITY, p.value().data[0]);
    }
  }
}
