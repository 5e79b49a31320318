package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedStatisticsTest {
  @Test
  void studentTCriticalValues() {
    // Tables of t(0.975; df): 12.7062047, 4.30265273, 2.04227246 (df 30).
    // R's qt(0.975, df) and scipy's t.ppf agree to the last digits; so must the bounds.
    assertEquals(12.706204736174694, StudentT.critical95(1), 1e-13);
    assertEquals(4.302652729749462, StudentT.critical95(2), 1e-13);
    assertEquals(3.1824463052837078, StudentT.critical95(3), 1e-13);
    assertEquals(2.262157162798205, StudentT.critical95(9), 1e-13);
    assertEquals(2.042272456301238, StudentT.critical95(30), 1e-13);
    assertThrows(IllegalArgumentException.class, () -> StudentT.critical95(0));
  }

  @Test
  void threeSeedsByHand() {
    // 1, 2, 4: mean 7/3; Σ(v − mean)² = 16/9 + 1/9 + 25/9 = 42/9, sd = √(42/18) = √(7/3);
    // half width = t(0.975; 2)·sd/√3 = 4.302652729749464·√(7/9).
    SeedStatistics s = SeedStatistics.of(new double[] {1, 2, 4});
    double half = 4.302652729749464 * Math.sqrt(7.0 / 9);
    assertEquals(3, s.n());
    assertEquals(7.0 / 3, s.mean(), 1e-15);
    assertEquals(Math.sqrt(7.0 / 3), s.sd(), 1e-15);
    assertEquals(7.0 / 3 - half, s.ciLo(), 1e-9);
    assertEquals(7.0 / 3 + half, s.ciHi(), 1e-9);
  }

  @Test
  void twoSeedsByHand() {
    // 3, 5: mean 4, sd √2, half width 12.706…·√2/√2.
    SeedStatistics s = SeedStatistics.of(new double[] {3, 5});
    assertEquals(4, s.mean());
    assertEquals(Math.sqrt(2), s.sd(), 1e-15);
    assertEquals(4 - 12.706204736174698, s.ciLo(), 1e-9);
    assertEquals(4 + 12.706204736174698, s.ciHi(), 1e-9);
  }

  @Test
  void oneOrNoSeedHasNoSpread() {
    SeedStatistics one = SeedStatistics.of(new double[] {-2.5});
    assertEquals(-2.5, one.mean());
    assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLo()) && Double.isNaN(one.ciHi()));
    assertEquals(SeedStatistics.MISSING, SeedStatistics.of(new double[0]));
    SeedStatistics equal = SeedStatistics.of(new double[] {0.1, 0.1, 0.1});
    assertEquals(0, equal.sd());
    assertEquals(equal.mean(), equal.ciLo());
  }

  @Test
  void hugeValuesDoNotOverflow() {
    SeedStatistics s = SeedStatistics.of(new double[] {1e308, 1.6e308});
    assertEquals(1.3e308, s.mean(), 1e293);
    assertEquals(Math.sqrt(2) * 0.3e308, s.sd(), 1e293);
    SeedStatistics straddling = SeedStatistics.of(new double[] {-1.5e308, 1.5e308});
    assertEquals(0, straddling.mean());
    assertEquals(Math.sqrt(2) * 1.5e308, straddling.sd(), 1e294);
    // Deviations beyond double's range (these once recursed without end).
    SeedStatistics mixed = SeedStatistics.of(new double[] {1e308, 1e308, 1e308, -1.7e308});
    assertEquals(3.25e307, mixed.mean(), 1e293);
    assertEquals(Math.sqrt((3 * 0.675 * 0.675 + 2.025 * 2.025) / 3) * 1e308, mixed.sd(), 1e294);
    SeedStatistics wide = SeedStatistics.of(new double[] {1.7e308, 1.7e308, -1.7e308});
    assertEquals(1.7e308 / 3, wide.mean(), 1e293);
    // sd ≈ 1.96e308 has no double: +∞, and so are the bounds.
    assertEquals(Double.POSITIVE_INFINITY, wide.sd());
    assertEquals(Double.NEGATIVE_INFINITY, wide.ciLo());
    assertEquals(Double.POSITIVE_INFINITY, wide.ciHi());
  }

  @Test
  void nonFiniteValuesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SeedStatistics.of(new double[] {1, Double.NaN}));
  }
}
