package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import sigprop.net.LeakyRelu;
import sigprop.net.StandardActivation;

/** The length map, χ₁, fixed points and depth scales at known points. */
class MeanFieldTest {
  @Test
  void tanhAtUnitWeightVarianceIsCritical() {
    FixedPoint f = new MeanField(StandardActivation.TANH, 1.0, 0.0).fixedPoint(1.0);
    assertEquals(0.0, f.qStar(), 0.0);
    assertEquals(1.0, f.chi1(), 1e-13);
    assertEquals(1.0, f.lengthSlope(), 1e-13);
    assertEquals(Double.POSITIVE_INFINITY, f.xiQ());
    assertEquals(Double.POSITIVE_INFINITY, f.xiC());
  }

  @Test
  void reluIsCriticalAtWeightVarianceTwo() {
    FixedPoint critical = new MeanField(StandardActivation.RELU, 2.0, 0.0).fixedPoint(3.0);
    assertEquals(3.0, critical.qStar(), 0.0, "every q is a fixed point: the start is kept");
    assertEquals(1.0, critical.chi1(), 1e-14);
    assertEquals(Double.POSITIVE_INFINITY, critical.xiC());
    FixedPoint ordered = new MeanField(StandardActivation.RELU, 1.9, 0.0).fixedPoint(3.0);
    assertEquals(0.0, ordered.qStar(), 0.0);
    assertEquals(0.95, ordered.chi1(), 1e-14);
    assertEquals(-1 / Math.log(0.95), ordered.xiC(), 1e-9);
    FixedPoint exploding = new MeanField(StandardActivation.RELU, 2.1, 0.0).fixedPoint(3.0);
    assertEquals(Double.POSITIVE_INFINITY, exploding.qStar());
    assertEquals(1.05, exploding.chi1(), 1e-12);
    assertTrue(exploding.xiC() < 0, "growth is reported as a negative depth scale");
  }

  @Test
  void leakyReluIsCriticalAtTwoOverOnePlusSlopeSquared() {
    double slope = 0.2;
    MeanField map = new MeanField(new LeakyRelu(slope), 2 / (1 + slope * slope), 0.0);
    assertEquals(1.0, map.chi1(0.7), 1e-14);
  }

  @Test
  void chaoticTanhHasAConsistentPositiveFixedPoint() {
    MeanField map = new MeanField(StandardActivation.TANH, 2.0, 0.05);
    FixedPoint f = map.fixedPoint(1.0);
    assertTrue(f.qStar() > 0);
    assertEquals(f.qStar(), map.lengthMap(f.qStar()), 1e-13 * f.qStar());
    assertTrue(f.chi1() > 1, "σ_w² = 2 is in the chaotic phase: χ₁ = " + f.chi1());
    assertTrue(f.lengthSlope() < 1, "q* is stable: slope " + f.lengthSlope());
    assertTrue(f.xiQ() > 0 && f.xiC() > 0, "ξ_c at c* < 1 (CorrelationMapTest): " + f);
    assertEquals(f.qStar(), map.fixedPoint(100.0).qStar(), 1e-13 * f.qStar(), "from above");
  }

  @Test
  void orderedTanhWithBiasHasFiniteDepthScales() {
    FixedPoint f = new MeanField(StandardActivation.TANH, 0.8, 0.01).fixedPoint(1.0);
    assertTrue(f.qStar() > 0 && f.chi1() < 1 && f.xiQ() > 0 && f.xiC() > 0, f.toString());
    assertEquals(-1 / Math.log(f.chi1()), f.xiC(), 1e-12);
  }

  @Test
  void lengthSlopeIsTheDerivativeOfTheLengthMap() {
    for (var phi : StandardActivation.values()) {
      MeanField map = new MeanField(phi, 1.7, 0.1);
      double q = 0.8;
      double h = 1e-5;
      double numeric = (map.lengthMap(q + h) - map.lengthMap(q - h)) / (2 * h);
      assertEquals(numeric, map.lengthSlope(q), 1e-8, phi.describe());
    }
  }

  @Test
  void linearActivationWithBiasDivergesAndWithoutIsMarginal() {
    assertEquals(Double.POSITIVE_INFINITY,
        new MeanField(StandardActivation.LINEAR, 1.0, 0.1).fixedPoint(1.0).qStar());
    assertEquals(2.0,
        new MeanField(StandardActivation.LINEAR, 1.0, 0.0).fixedPoint(2.0).qStar(), 0.0);
  }
}
