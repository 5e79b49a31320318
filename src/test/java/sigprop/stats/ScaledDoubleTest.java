package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaledDoubleTest {
  @Test
  void normalizesSoEqualNumbersAreEqualRecords() {
    // 3 = 1.5·2^1 = 0.75·2^2 = 6·2^-1
    assertEquals(new ScaledDouble(1.5, 1), new ScaledDouble(0.75, 2));
    assertEquals(new ScaledDouble(1.5, 1), new ScaledDouble(6, -1));
    assertEquals(ScaledDouble.ZERO, new ScaledDouble(-0.0, 77));
    // The smallest subnormal 2^-1074 normalizes to 1·2^-1074.
    assertEquals(new ScaledDouble(1.0, -1074), ScaledDouble.of(Double.MIN_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new ScaledDouble(Double.NaN, 0));
  }

  @Test
  void toDoubleRoundsToDoubleRange() {
    assertEquals(3.0, new ScaledDouble(3, 0).toDouble());
    assertEquals(0.0, new ScaledDouble(1, -1300).toDouble());
    assertEquals(Double.POSITIVE_INFINITY, new ScaledDouble(1, 1300).toDouble());
    assertEquals(Double.NEGATIVE_INFINITY, new ScaledDouble(-1, 1300).toDouble());
    // log10(2^-1300) = -1300·0.30103 = -391.339...
    assertEquals(-1300 * Math.log10(2), new ScaledDouble(1, -1300).log10Abs(), 1e-10);
  }

  @Test
  void ofLog10RoundTrips() {
    for (double l : new double[] {-700.25, -391.3, -0.5, 0, 3, 299.9, 700}) {
      assertEquals(l, ScaledDouble.ofLog10(-1, l).log10Abs(), 1e-12 * Math.max(1, Math.abs(l)));
      assertEquals(-1, ScaledDouble.ofLog10(-1, l).signum());
    }
    assertEquals(1000.0, ScaledDouble.ofLog10(1, 3).toDouble(), 1e-10);
  }

  @Test
  void comparesAcrossScalesAndSigns() {
    ScaledDouble tinyPositive = new ScaledDouble(1, -2000);
    ScaledDouble hugeNegative = new ScaledDouble(-1, 2000);
    ScaledDouble tinyNegative = new ScaledDouble(-1, -2000);
    assertTrue(hugeNegative.compareTo(tinyNegative) < 0);
    assertTrue(tinyNegative.compareTo(ScaledDouble.ZERO) < 0);
    assertTrue(ScaledDouble.ZERO.compareTo(tinyPositive) < 0);
    assertTrue(ScaledDouble.of(1.5).compareTo(ScaledDouble.of(1.25)) > 0);
  }

  @Test
  void lerpWorksOutOfRangeAndKeepsTinyNextToZero() {
    // 1e-400-ish values: 0 + 0.25·(2^-1330 − 0) = 2^-1332, not 0.
    ScaledDouble b = new ScaledDouble(1, -1330);
    assertEquals(new ScaledDouble(1, -1332), ScaledDouble.lerp(ScaledDouble.ZERO, b, 0.25));
    // 2^1500 + 0.5·(2^1501 − 2^1500) = 1.5·2^1500
    assertEquals(new ScaledDouble(1.5, 1500),
        ScaledDouble.lerp(new ScaledDouble(1, 1500), new ScaledDouble(1, 1501), 0.5));
  }

  @Test
  void printsOutOfRangeValuesInDecimal() {
    assertEquals("0.5", ScaledDouble.of(0.5).toString());
    assertEquals("1.000000E-400", ScaledDouble.ofLog10(1, -400).toString());
    assertEquals("-2.000000E500", ScaledDouble.ofLog10(-1, 500 + Math.log10(2)).toString());
  }
}
