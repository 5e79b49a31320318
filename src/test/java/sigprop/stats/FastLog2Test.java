package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLog2Test {
  @Test
  void exactAtPowersOfTwo() {
    for (int e = -1074; e <= 1023; e++) {
      assertEquals(e, FastLog2.log2(Math.scalb(1.0, e)), 0.0, "2^" + e);
    }
  }

  @Test
  void mantissaAgreesWithMathLogTo3e13() {
    // The series stops at u^4, u < 2^-8: error < u^5/(5 ln 2) < 3e-13.
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200_000; i++) {
      double m = 1 + random.nextDouble();
      double reference = Math.log(m) / Math.log(2);
      assertEquals(reference, FastLog2.mantissa(Double.doubleToRawLongBits(m)), 3e-13, "m=" + m);
    }
  }

  @Test
  void agreesWithMathLogOverTheWholeRange() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong(1, 0x7ff0000000000000L));
      double reference = Math.log(x) / Math.log(2);
      assertEquals(reference, FastLog2.log2(x), 3e-13 + 1e-15 * Math.abs(reference));
    }
  }
}
