package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import sigprop.net.StandardActivation;

/** Saturation fractions from φ⁻¹ and the normal CDF. */
class SaturationTest {
  @Test
  void tanhThresholdIsAtanh() {
    Saturation s = Saturation.of(StandardActivation.TANH, 0.9);
    double t = 0.5 * Math.log((1 + 0.9) / (1 - 0.9));
    assertEquals(t, s.upper(), 1e-14);
    assertEquals(-t, s.lower(), 1e-14);
    for (double q : new double[] {0.01, 1.0, 100.0}) {
      // P(|√q z| > t) = erfc(t/√(2q)).
      assertEquals(Erf.erfc(t / Math.sqrt(2 * q)), s.fraction(q), 1e-15);
    }
    assertEquals(0.0, s.fraction(0.0));
    assertEquals(1.0, s.fraction(Double.POSITIVE_INFINITY));
  }

  @Test
  void sigmoidSaturatesTowardBothAsymptotes() {
    // Range (0, 1): centre 0.5, half-width 0.5; at 0.99, σ < 0.005 or σ > 0.995, so
    // x = ±logit(0.995) = ±ln 199 and P = erfc(ln 199 / √(2q)).
    Saturation s = Saturation.of(StandardActivation.SIGMOID, 0.99);
    assertEquals(Math.log(199), s.upper(), 1e-12);
    assertEquals(-Math.log(199), s.lower(), 1e-12);
    assertEquals(Erf.erfc(Math.log(199) / Math.sqrt(2)), s.fraction(1.0), 1e-15);
    // At 0.9: σ < 0.05 or σ > 0.95, x = ±ln 19.
    Saturation at90 = Saturation.of(StandardActivation.SIGMOID, 0.9);
    assertEquals(Math.log(19), at90.upper(), 1e-12);
    assertEquals(-Math.log(19), at90.lower(), 1e-12);
    assertEquals(Erf.erfc(Math.log(19) / Math.sqrt(2 * 16.0)), at90.fraction(16.0), 1e-15);
  }

  @Test
  void softsignThresholdAndUnboundedActivations() {
    assertEquals(9.0, Saturation.of(StandardActivation.SOFTSIGN, 0.9).upper(), 1e-12);
    assertEquals(0.0, Saturation.of(StandardActivation.RELU, 0.9).fraction(1e6));
    assertEquals(0.0, Saturation.of(StandardActivation.SELU, 0.99).fraction(1e6));
  }
}
