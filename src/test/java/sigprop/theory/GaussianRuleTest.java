package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import sigprop.net.Activation;
import sigprop.net.Elu;
import sigprop.net.LeakyRelu;
import sigprop.net.StandardActivation;

/** The quadrature against closed forms, a trapezoid reference and Gauss–Hermite. */
class GaussianRuleTest {
  private static final double[] QS = {1e-8, 1e-4, 0.25, 1.0, 16.0, 256.0, 1e4, 1e6, 1e8};
  private static final double REL = 1e-13;

  @Test
  void reluMatchesClosedForms() {
    for (double q : QS) {
      ActivationMoments m = ActivationMoments.of(StandardActivation.RELU, q);
      assertClose(Math.sqrt(q / (2 * Math.PI)), m.mean(), q);
      assertClose(q / 2, m.meanSquare(), q);
      assertClose(0.5, m.derivativeMeanSquare(), q);
      assertClose(0.5, m.meanSquareSlope(), q);
    }
  }

  @Test
  void linearAndLeakyReluMatchClosedForms() {
    double a = 0.1;
    for (double q : QS) {
      ActivationMoments lin = ActivationMoments.of(StandardActivation.LINEAR, q);
      assertEquals(0.0, lin.mean(), 0.0, "odd functions cancel exactly");
      assertClose(q, lin.meanSquare(), q);
      assertClose(1.0, lin.derivativeMeanSquare(), q);
      ActivationMoments leaky = ActivationMoments.of(new LeakyRelu(a), q);
      assertClose((1 - a) * Math.sqrt(q / (2 * Math.PI)), leaky.mean(), q);
      assertClose(q * (1 + a * a) / 2, leaky.meanSquare(), q);
      assertClose((1 + a * a) / 2, leaky.derivativeMeanSquare(), q);
    }
  }

  @Test
  void eluMatchesClosedForms() {
    // E[e^{sz}; z<0] = e^{q/2}Φ(−s), E[e^{2sz}; z<0] = e^{2q}Φ(−2s), s = √q. Small q is left
    // out: there the closed form itself cancels (e₂ − 2e₁ + 1/2 of O(q) from O(1) terms).
    for (double alpha : new double[] {1.0, 0.5}) {
      for (double q : new double[] {0.25, 1.0, 4.0, 25.0}) {
        double s = Math.sqrt(q);
        double e1 = Math.exp(q / 2) * cdf(-s);
        double e2 = Math.exp(2 * q) * cdf(-2 * s);
        ActivationMoments m = ActivationMoments.of(new Elu(alpha), q);
        assertClose(s / Math.sqrt(2 * Math.PI) + alpha * (e1 - 0.5), m.mean(), q);
        assertClose(q / 2 + alpha * alpha * (e2 - 2 * e1 + 0.5), m.meanSquare(), q);
        assertClose(0.5 + alpha * alpha * e2, m.derivativeMeanSquare(), q);
        // Stein: d/dq E[φ²] = E[φ′²] + E[φ″φ] = 1/2 + α²(2e₂ − e₁).
        assertClose(0.5 + alpha * alpha * (2 * e2 - e1), m.meanSquareSlope(), q);
      }
    }
  }

  @Test
  void geluAndSeluMatchClosedForms() {
    for (double q : QS) {
      // E[sz·Φ(sz)] = s·E[s·ϕ(sz)] = q/√(2π(1 + q)). Relative to the integrand's size √q: for
      // small q the odd halves ±sz·Φ(±sz) cancel to O(q) in floating point before summing.
      double expected = q / Math.sqrt(2 * Math.PI * (1 + q));
      assertEquals(expected, ActivationMoments.of(StandardActivation.GELU, q).mean(),
          REL * Math.sqrt(q), "q = " + q);
    }
    // SELU's λ, α make (mean 0, variance 1) its fixed point (Klambauer et al. 2017).
    ActivationMoments selu = ActivationMoments.of(StandardActivation.SELU, 1.0);
    assertEquals(0.0, selu.mean(), 1e-9);
    assertEquals(1.0, selu.meanSquare(), 1e-9);
  }

  @Test
  void smoothActivationsMatchTrapezoidReference() {
    // The trapezoid rule on ℝ converges geometrically for integrands analytic in a strip
    // (tanh, sigmoid: poles at |Im x| = π/2, i.e. |Im z| = π/(2√q)); h = 2e−4 suffices to 1e−15.
    for (Activation phi : new Activation[] {StandardActivation.TANH, StandardActivation.SIGMOID}) {
      for (double q : new double[] {1e-4, 0.25, 1.0, 16.0, 256.0, 1e4, 1e6}) {
        ActivationMoments m = ActivationMoments.of(phi, q);
        assertClose(trapezoid(x -> phi.apply(x) * phi.apply(x), q), m.meanSquare(), q);
        assertClose(trapezoid(x -> square(phi.derivative(x, phi.apply(x))), q),
            m.derivativeMeanSquare(), q);
      }
    }
  }

  @Test
  void softsignMatchesHighPrecisionReference() {
    // softsign′ has a kink at 0, so no trapezoid here; references from mpmath.quad at 30 digits,
    // split at 0 and ±1: E[φ(√q z)²] and E[φ′(√q z)²] for q = 0.25, 1, 16.
    double[] qs = {0.25, 1.0, 16.0};
    double[] meanSquare = {0.0857858150138311112, 0.183014021266547499, 0.483270054583083056};
    double[] derivative = {0.376816874957505527, 0.227671340422182500, 0.0651585686754117916};
    for (int i = 0; i < qs.length; i++) {
      ActivationMoments m = ActivationMoments.of(StandardActivation.SOFTSIGN, qs[i]);
      assertClose(meanSquare[i], m.meanSquare(), qs[i]);
      assertClose(derivative[i], m.derivativeMeanSquare(), qs[i]);
    }
  }

  @Test
  void agreesWithGaussHermiteWhereHermiteConverges() {
    GaussIntegrator hermite = new GaussIntegratorFactory().hermite(100);
    DoubleUnaryOperator tanh2 = x -> square(Math.tanh(x));
    double reference = hermite.integrate(x -> tanh2.applyAsDouble(Math.sqrt(2) * x))
        / Math.sqrt(Math.PI);
    assertEquals(reference, GaussianRule.forScale(1.0).expect(tanh2), 1e-10);
  }

  @Test
  void gaussHermiteMissesTheNarrowSpikeOfChiAtLargeQ() {
    // Why the rule is not plain Gauss–Hermite: E[sech⁴(16 z)] is a spike of width 1/16.
    DoubleUnaryOperator sech4 = x -> square(1 - square(Math.tanh(x)));
    GaussIntegrator hermite = new GaussIntegratorFactory().hermite(100);
    double gh = hermite.integrate(x -> sech4.applyAsDouble(16 * Math.sqrt(2) * x))
        / Math.sqrt(Math.PI);
    double exact = trapezoid(sech4, 256.0);
    assertClose(exact, GaussianRule.forScale(16.0).expect(sech4), 256.0);
    assertTrue(Math.abs(gh / exact - 1) > 0.5, "Gauss–Hermite " + gh + " vs " + exact);
  }

  @Test
  void zeroAndInfiniteVarianceGiveTheLimits() {
    ActivationMoments relu0 = ActivationMoments.of(StandardActivation.RELU, 0.0);
    assertEquals(0.5, relu0.derivativeMeanSquare(), 1e-15, "φ′ at 0⁺, not φ′(0) = 0");
    ActivationMoments tanh0 = ActivationMoments.of(StandardActivation.TANH, 0.0);
    assertEquals(1.0, tanh0.derivativeMeanSquare(), 1e-15);
    assertEquals(1.0, tanh0.meanSquareSlope(), 1e-15);
    ActivationMoments sigmoid0 = ActivationMoments.of(StandardActivation.SIGMOID, 0.0);
    assertEquals(0.25, sigmoid0.meanSquare(), 1e-15);
    ActivationMoments tanhInf = ActivationMoments.of(StandardActivation.TANH,
        Double.POSITIVE_INFINITY);
    assertEquals(1.0, tanhInf.meanSquare(), 1e-12);
    assertEquals(0.0, tanhInf.derivativeMeanSquare(), 1e-12);
    ActivationMoments reluInf = ActivationMoments.of(StandardActivation.RELU,
        Double.POSITIVE_INFINITY);
    assertEquals(Double.POSITIVE_INFINITY, reluInf.mean());
    assertEquals(Double.POSITIVE_INFINITY, reluInf.variance());
    assertEquals(0.5, reluInf.derivativeMeanSquare(), 1e-12);
    ActivationMoments linearInf = ActivationMoments.of(StandardActivation.LINEAR,
        Double.POSITIVE_INFINITY);
    assertEquals(0.0, linearInf.mean());
  }

  @Test
  void belowTheSmallestVarianceEachMomentFollowsItsPowerLaw() {
    for (double q : new double[] {1e-210, 1e-250, 1e-300, 1e-307}) {
      ActivationMoments relu = ActivationMoments.of(StandardActivation.RELU, q);
      assertEquals(Math.sqrt(q / (2 * Math.PI)), relu.mean(), 1e-12 * relu.mean(), "q " + q);
      assertEquals(q / 2, relu.meanSquare(), 1e-12 * q, "q " + q);
      assertEquals(0.5, relu.derivativeMeanSquare(), 1e-15);
      ActivationMoments tanh = ActivationMoments.of(StandardActivation.TANH, q);
      assertEquals(q, tanh.meanSquare(), 1e-12 * q, "E[tanh²] ≈ q, not a floor at 1e-200");
      assertEquals(0.0, tanh.mean(), 0.0);
      assertEquals(1.0, tanh.derivativeMeanSquare(), 1e-15);
      assertEquals(0.25, ActivationMoments.of(StandardActivation.SIGMOID, q).meanSquare(),
          1e-15);
    }
    ActivationMoments relu0 = ActivationMoments.of(StandardActivation.RELU, 0.0);
    assertEquals(0.0, relu0.mean(), 0.0);
    assertEquals(0.0, relu0.meanSquare(), 0.0);
  }

  @Test
  void aNarrowSpikeIsResolvedAtAnyScale() {
    // E[tanh′(s z)²] → ϕ(0)·∫sech⁴ / s = 4 / (3√(2π) s) as s grows.
    DoubleUnaryOperator sech4 = x -> square(1 - square(Math.tanh(x)));
    for (double s : new double[] {1e6, 1e20, 1e50, 1e145}) {
      double tail = 4 / (3 * Math.sqrt(2 * Math.PI) * s);
      assertEquals(tail, GaussianRule.forScale(s).expect(sech4), 1e-10 * tail, "s " + s);
    }
  }

  /** E[f(√q z)] by the trapezoid rule on z ∈ [−12, 12]. */
  static double trapezoid(DoubleUnaryOperator f, double q) {
    double s = Math.sqrt(q);
    double h = 2e-4;
    double sum = 0;
    for (int k = -60_000; k <= 60_000; k++) {
      double z = k * h;
      sum += f.applyAsDouble(s * z) * Math.exp(-0.5 * z * z);
    }
    return sum * h / Math.sqrt(2 * Math.PI);
  }

  private static void assertClose(double expected, double actual, double q) {
    assertEquals(expected, actual, REL * Math.abs(expected) + 1e-300,
        "q = " + q + ": relative error " + (actual / expected - 1));
  }

  private static double cdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }

  private static double square(double x) {
    return x * x;
  }
}
