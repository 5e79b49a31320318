package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeEstimateTest {
  private final TimeEstimate tenGflopsOnFourCores = new TimeEstimate(1e10, 4, "test");

  @Test
  void workIsSharedOverTheCores() {
    // 3000 GFLOP at 10 GFLOP/s per core: 300 core-seconds, 75 s on 4 cores.
    assertEquals(75.0, tenGflopsOnFourCores.seconds(3e12, 1e11), 1e-12);
    assertEquals(10.0, tenGflopsOnFourCores.cellSeconds(1e11), 1e-12);
  }

  @Test
  void theLongestCellBoundsTheTime() {
    // One 1000-GFLOP cell runs on one core: 100 s, however many cores wait beside it.
    assertEquals(100.0, tenGflopsOnFourCores.seconds(3e12, 1e12), 1e-12);
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertEquals("0.046 s", TimeEstimate.duration(0.0459));
    assertEquals("4.2 s", TimeEstimate.duration(4.195));
    assertEquals("10 s", TimeEstimate.duration(9.96));
    assertEquals("1 min 15 s", TimeEstimate.duration(75));
    assertEquals("59 min 59 s", TimeEstimate.duration(3599.4));
    assertEquals("2 h 01 min", TimeEstimate.duration(7260));
    assertEquals("3.0 days", TimeEstimate.duration(3 * 86400));
  }

  @Test
  void aRateAndCoresMustBeUsable() {
    assertThrows(IllegalArgumentException.class, () -> new TimeEstimate(0, 1, "zero"));
    assertThrows(IllegalArgumentException.class, () -> new TimeEstimate(Double.NaN, 1, "NaN"));
    assertThrows(IllegalArgumentException.class, () -> new TimeEstimate(1e9, 0, "no cores"));
  }

  @Test
  void theMeasuredRateIsAShareOfAPositiveKernelRate() {
    TimeEstimate measured = KernelRate.measure(2);
    double kernel = measured.ratePerCore() / KernelRate.SWEEP_SHARE;
    assertEquals(true, kernel > 0 && Double.isFinite(kernel), "kernel rate " + kernel);
    assertEquals(2, measured.cores());
  }
}
