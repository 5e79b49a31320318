package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {
  @Test
  void bytesPickTheUnitThatKeepsTheNumberShort() {
    assertEquals("812 B", Sizes.bytes(812));
    assertEquals("3.5 KiB", Sizes.bytes(3584));
    assertEquals("12.0 MiB", Sizes.bytes(12L << 20));
    assertEquals("4.00 GiB", Sizes.bytes(4L << 30));
    assertEquals("1023.00 GiB", Sizes.bytes(1023L << 30));
    assertEquals("3.00 TiB", Sizes.bytes(3L << 40));
    assertEquals("754.95 PiB", Sizes.bytes(850_000_000_000_000_000L));
    assertEquals("1.00 EiB", Sizes.bytes(1L << 60));
  }

  @Test
  void aSaturatedSumSaysItIsALowerBound() {
    assertEquals("at least 8.00 EiB", Sizes.bytes(Long.MAX_VALUE));
  }

  @Test
  void gflopKeepThreeFiguresBelowOne() {
    assertEquals("0.0520 GFLOP", Sizes.gflop(5.2e7));
    assertEquals("2.50 GFLOP", Sizes.gflop(2.5e9));
    assertEquals("1341 GFLOP", Sizes.gflop(1.3409e12));
  }
}
