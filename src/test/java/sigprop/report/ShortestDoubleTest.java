package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestDoubleTest {
  @Test
  void printsWhatJdk19DoubleToStringPrints() {
    // JDK 17 prints the left-hand forms of the first four (JDK-4511638).
    assertEquals("2.0E23", ShortestDouble.format(2e23)); // 1.9999999999999998E23
    assertEquals("1.0E23", ShortestDouble.format(1e23)); // 9.999999999999999E22
    assertEquals("8.41E21", ShortestDouble.format(8.41e21)); // 8.409999999999999E21
    assertEquals("2.82879384806159E17", ShortestDouble.format(2.82879384806159E17));
    assertEquals("4.9E-324", ShortestDouble.format(Double.MIN_VALUE));
    assertEquals("-4.9E-324", ShortestDouble.format(-Double.MIN_VALUE));
    assertEquals("1.7976931348623157E308", ShortestDouble.format(Double.MAX_VALUE));
    assertEquals("1.0E-5", ShortestDouble.format(1e-5));
    assertEquals("1.0E-4", ShortestDouble.format(1e-4));
    assertEquals("0.001", ShortestDouble.format(0.001));
    assertEquals("9999999.0", ShortestDouble.format(9999999.0));
    assertEquals("1.0E7", ShortestDouble.format(1e7));
    assertEquals("123.25", ShortestDouble.format(123.25));
    assertEquals("-0.0", ShortestDouble.format(-0.0));
    assertEquals("0.1", ShortestDouble.format(0.1));
  }

  @Test
  void readsBackExactlyAndIsNoLongerThanAnyDecimalThatDoes() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < 4000; i++) {
      double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
          : random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
      if (!Double.isFinite(x) || x == 0) {
        continue;
      }
      String text = ShortestDouble.format(x);
      assertEquals(x, Double.parseDouble(text), text);
      assertEquals(Math.max(2, shortestLength(x)), significantDigits(text), x + " as " + text);
      assertTrue(text.length() <= Double.toString(x).length(), text);
    }
  }

  /** Brute force from the exact value: the fewest digits of any decimal that reads back. */
  private static int shortestLength(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int digits = 1; digits <= 17; digits++) {
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.DOWN, RoundingMode.UP}) {
        BigDecimal candidate = exact.round(new MathContext(digits, mode));
        if (Double.parseDouble(candidate.toString()) == x) {
          return digits;
        }
      }
    }
    throw new AssertionError("no 17-digit decimal reads back as " + x);
  }

  private static int significantDigits(String text) {
    BigDecimal value = new BigDecimal(text).stripTrailingZeros();
    return Math.max(2, value.precision());
  }
}
