package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import sigprop.net.Activation;
import sigprop.net.Elu;
import sigprop.net.StandardActivation;

/** The correlation map, its chaotic-phase fixed point and ξ_c, against independent integrals. */
class CorrelationMapTest {
  private static final MeanField CHAOTIC = new MeanField(StandardActivation.TANH, 2.0, 0.05);

  /**
   * Chaotic phases of kinked and non-tanh activations, against nested adaptive quadrature split
   * at the kink (scipy's quad, tolerances 1e−13/1e−12; q* by Brent to 1e−15): ELU and SELU's
   * kink at 0 moves through the inner integral as z₁ varies; SELU at σ_w² = 1, σ_b = 0 keeps
   * q* = 1 with E[φ] = 0, so C(0) = 0 = c*; softsign with σ_b = 0 likewise settles at c* = 0.
   */
  @Test
  void chaoticFixedPointsOfOtherActivationsMatchIndependentQuadrature() {
    // {σ_w², σ_b², q*, χ₁, c*, ξ_c}
    Object[][] cases = {
        {new Elu(1.0), 1.9, 0.0, 13.235503696319, 1.05230943059339, 0.855244063588, 24.44099213},
        {StandardActivation.SELU, 1.5, 0.1, 9.32150342027333, 1.12334588065198, 0.534495859231,
            13.27535324},
        {StandardActivation.SELU, 1.0, 0.0, 1.0, 1.07157499245580, 0.0, 33.6043420216},
        {StandardActivation.SOFTSIGN, 2.0, 0.0, 0.0794785750644084, 1.04235075567276, 0.0,
            61.1081934}};
    for (Object[] c : cases) {
      Activation phi = (Activation) c[0];
      FixedPoint f = new MeanField(phi, (double) c[1], (double) c[2]).fixedPoint(1.0);
      String where = phi.describe() + " at σ_w² = " + c[1] + ", σ_b² = " + c[2];
      assertEquals((double) c[3], f.qStar(), 1e-12 * (double) c[3], where);
      assertEquals((double) c[4], f.chi1(), 1e-12, where);
      assertEquals((double) c[5], f.cStar(), 1e-9, where);
      assertEquals((double) c[6], f.xiC(), 1e-8 * (double) c[6], where);
    }
  }

  @Test
  void theShiftedRuleMatchesReluInClosedFormWhereverItsKinkFalls() {
    // E[relu(m + s z)] = m Φ(m/s) + s ϕ(m/s).
    for (double s : new double[] {1e-3, 0.3, 1.0, 16.0, 1e4}) {
      for (double ratio : new double[] {-12.0, -2.0, -0.3, 0.0, 0.7, 5.0}) {
        double m = ratio * s;
        double exact = m * 0.5 * Erf.erfc(-ratio / Math.sqrt(2))
            + s * Math.exp(-0.5 * ratio * ratio) / Math.sqrt(2 * Math.PI);
        double got = GaussianRule.expectShifted(x -> Math.max(0.0, x), m, s);
        // |z| > 10 is left out: 1.5e−23 of the weight, which shows only where nearly all of
        // the mass of relu(m + s z) lies out there.
        assertEquals(exact, got, 1e-13 * Math.abs(exact) + 1e-22 * s, "m = " + m + ", s = " + s);
      }
    }
    DoubleUnaryOperator tanh2 = x -> Math.tanh(x) * Math.tanh(x);
    assertEquals(GaussianRule.forScale(3.0).expect(tanh2),
        GaussianRule.expectShifted(tanh2, 0.0, 3.0), 1e-15);
  }

  @Test
  void theMapAndItsSlopeMatchATwoDimensionalTrapezoid() {
    double q = CHAOTIC.fixedPoint(1.0).qStar();
    CorrelationMap map = new CorrelationMap(CHAOTIC, q);
    DoubleUnaryOperator phi = Math::tanh;
    DoubleUnaryOperator dphi = x -> 1 - Math.tanh(x) * Math.tanh(x);
    for (double c : new double[] {-0.5, 0.0, 0.3, 0.9, 0.999}) {
      double next = (2.0 * trapezoid(phi, q, c) + 0.05) / q;
      assertEquals(next, map.next(c), 1e-12 * Math.abs(next), "C(" + c + ")");
      double slope = 2.0 * trapezoid(dphi, q, c);
      assertEquals(slope, map.slope(c), 1e-12 * slope, "χ_c(" + c + ")");
    }
    assertEquals(1.0, map.next(1.0), 1e-13, "c = 1 is a fixed point at q*");
    assertEquals(CHAOTIC.chi1(q), map.slope(1.0), 1e-13, "χ_c(1) = χ₁");
  }

  @Test
  void chaoticCorrelationsSettleBelowOneAndGiveAPositiveDepthScale() {
    FixedPoint f = CHAOTIC.fixedPoint(1.0);
    assertTrue(f.chi1() > 1, "chaotic: χ₁ = " + f.chi1());
    CorrelationMap map = new CorrelationMap(CHAOTIC, f.qStar());
    double cStar = f.cStar();
    assertTrue(cStar > 0 && cStar < 1, "c* = " + cStar);
    assertEquals(cStar, map.next(cStar), 1e-12, "C(c*) = c*");
    double rate = map.slope(cStar);
    assertTrue(rate < 1, "c* attracts: χ_c(c*) = " + rate);
    assertEquals(-1 / Math.log(rate), f.xiC(), 1e-9 * f.xiC());
    // Iterating the map from nearly equal inputs, as a deep net does, lands on the same c*
    // (here with a faster rate, 0.86 a layer, than the 0.96 above; Poole et al.'s σ_b² = 0.3).
    MeanField faster = new MeanField(StandardActivation.TANH, 4.0, 0.3);
    FixedPoint g = faster.fixedPoint(1.0);
    CorrelationMap fasterMap = new CorrelationMap(faster, g.qStar());
    double c = 0.99;
    for (int l = 0; l < 300 && Math.abs(c - g.cStar()) > 1e-11; l++) {
      c = fasterMap.next(c);
    }
    assertEquals(g.cStar(), c, 1e-10);
    assertTrue(g.cStar() > 0.5 && g.cStar() < 0.6, "c* = " + g.cStar());
  }

  @Test
  void withoutBiasAnOddActivationDecorrelatesToZeroWhenZeroAttracts() {
    MeanField map = new MeanField(StandardActivation.TANH, 4.0, 0.0);
    FixedPoint f = map.fixedPoint(1.0);
    CorrelationMap correlations = new CorrelationMap(map, f.qStar());
    assertEquals(0.0, correlations.next(0.0), 1e-15, "C(0) = 0 for odd φ without bias");
    double meanSlope = GaussianRule.forScale(Math.sqrt(f.qStar()))
        .expect(x -> 1 - Math.tanh(x) * Math.tanh(x));
    double atZero = 4.0 * meanSlope * meanSlope;
    assertEquals(atZero, correlations.slope(0.0), 1e-13, "χ_c(0) = σ_w² E[φ′]²");
    assertTrue(atZero < 1, "0 attracts at σ_w² = 4: " + atZero);
    assertEquals(0.0, f.cStar(), 0.0);
    assertEquals(-1 / Math.log(atZero), f.xiC(), 1e-12);
  }

  @Test
  void theOrderedPhaseKeepsCStarOneAndXiCDivergesAtTheCriticalLine() {
    FixedPoint ordered = new MeanField(StandardActivation.TANH, 0.8, 0.05).fixedPoint(1.0);
    assertEquals(1.0, ordered.cStar(), 0.0);
    assertEquals(-1 / Math.log(ordered.chi1()), ordered.xiC(), 1e-12);
    // Across the order-to-chaos transition at σ_b² = 0.05, ξ_c is positive on both sides and
    // peaks inside the sweep, near the critical σ_w², not at its ends.
    double[] weights = {0.5, 1.0, 1.5, 1.75, 2.0, 3.0, 4.0};
    double[] xi = new double[weights.length];
    int peak = 0;
    for (int i = 0; i < weights.length; i++) {
      xi[i] = new MeanField(StandardActivation.TANH, weights[i], 0.05).fixedPoint(1.0).xiC();
      assertTrue(xi[i] > 0 && Double.isFinite(xi[i]), "σ_w² = " + weights[i] + ": " + xi[i]);
      peak = xi[i] > xi[peak] ? i : peak;
    }
    assertTrue(peak > 0 && peak < weights.length - 1, java.util.Arrays.toString(xi));
  }

  @Test
  void justAboveTheCriticalLineCStarApproachesOne() {
    double previous = 0;
    for (double w : new double[] {1.80, 1.77, 1.7625}) {
      FixedPoint f = new MeanField(StandardActivation.TANH, w, 0.05).fixedPoint(1.0);
      assertTrue(f.chi1() > 1 && f.cStar() > previous && f.cStar() < 1, "σ_w² " + w + ": " + f);
      previous = f.cStar();
    }
    assertTrue(previous > 0.99, "c* = " + previous);
    // Closer still, c* is within 1e−6 of 1 and reads 1: ξ_c must go on growing like
    // 1/(χ₁ − 1), positive, not turn negative (it did for χ₁ − 1 below ~5e−8).
    double critical = 1.760954639606737; // tanh, σ_b² = 0.05, by bisection on χ₁ = 1
    double xiBefore = 0;
    for (double above : new double[] {1e-6, 1e-7, 1e-9}) {
      FixedPoint f = new MeanField(StandardActivation.TANH, critical * (1 + above), 0.05)
          .fixedPoint(1.0);
      double expected = 1 / (f.chi1() - 1);
      assertTrue(f.chi1() > 1, f::toString);
      assertEquals(expected, f.xiC(), 0.02 * expected, () -> "σ_w² critical·(1 + " + above
          + "): " + f);
      assertTrue(f.xiC() > xiBefore, f::toString);
      xiBefore = f.xiC();
    }
  }

  /**
   * E[f(u₁)f(u₂)] by the trapezoid rule in both variables: converges geometrically for tanh,
   * analytic in a strip (h = 0.01 on [−10, 10]², 4 million points).
   */
  private static double trapezoid(DoubleUnaryOperator f, double q, double c) {
    double s = Math.sqrt(q);
    double r = Math.sqrt(1 - c * c);
    double h = 0.01;
    int n = 1000;
    double[] density = new double[2 * n + 1];
    for (int i = -n; i <= n; i++) {
      density[i + n] = Math.exp(-0.5 * (i * h) * (i * h)) * h / Math.sqrt(2 * Math.PI);
    }
    double sum = 0;
    for (int i = -n; i <= n; i++) {
      double z1 = i * h;
      double a = f.applyAsDouble(s * z1);
      double inner = 0;
      for (int j = -n; j <= n; j++) {
        inner += density[j + n] * f.applyAsDouble(s * (c * z1 + r * j * h));
      }
      sum += density[i + n] * a * inner;
    }
    return sum;
  }
}
