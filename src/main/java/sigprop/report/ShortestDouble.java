package sigprop.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same double, laid out as {@link Double#toString}
 * lays it out ({@code 0.001}..{@code 9999999.0} plain, else {@code 1.0E-5}). JDK 19 and later
 * print exactly this (JDK-4511638); JDK 17 sometimes prints more digits than needed, e.g.
 * {@code 1.9999999999999998E23} for {@code 2e23}, so its output is shortened here.
 *
 * <p>Why this finds the shortest: the decimals that read back as {@code x} form an interval
 * containing both {@code x} and {@code s = Double.toString(x)}. If a decimal of at most p digits
 * lies in it, so does s rounded to p digits toward it (it lies between that decimal and s), and
 * so does some decimal of every length above p (append zeros). So shortening s one digit at a
 * time, trying both directions, stops exactly at the shortest length; the same argument with x in
 * place of s picks the nearest decimal of that length, as JDK 19+ does, so the text is the same
 * on every JDK.
 */
final class ShortestDouble {
  private static final BigDecimal PLAIN_LOW = new BigDecimal("0.001");
  private static final BigDecimal PLAIN_HIGH = new BigDecimal("10000000");

  /** JDK 19 and later print the shortest nearest decimal already (JDK-4511638). */
  private static final boolean JDK_IS_SHORTEST = Runtime.version().feature() >= 19;

  private ShortestDouble() {}

  /** The text of a finite double; throws for NaN and infinities. */
  static String format(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not finite: " + x);
    }
    String s = Double.toString(x);
    if (x == 0 || JDK_IS_SHORTEST) {
      return s;
    }
    BigDecimal printed = new BigDecimal(s).stripTrailingZeros();
    BigDecimal best = printed;
    int digits = printed.precision();
    for (BigDecimal shorter; digits > 1
        && (shorter = roundedReadingBack(x, printed, digits - 1)) != null; digits--) {
      best = shorter;
    }
    if (digits < 2) {
      // As JDK 19+: at least two digits, so Double.MIN_VALUE is 4.9E-324, nearer than 5E-324.
      digits = 2;
      best = roundedReadingBack(x, printed, 2);
    }
    // Only when another decimal of this length also reads back is x's exact value needed.
    return layout(onlyOne(x, best, digits) ? best.stripTrailingZeros() : nearest(x, digits));
  }

  /** s rounded to this many digits, toward or else away from zero, if it reads back as x. */
  private static BigDecimal roundedReadingBack(double x, BigDecimal s, int digits) {
    BigDecimal down = s.round(new MathContext(digits, RoundingMode.DOWN));
    if (reads(x, down)) {
      return down;
    }
    BigDecimal up = s.round(new MathContext(digits, RoundingMode.UP));
    return reads(x, up) ? up : null;
  }

  /** Whether neither neighbour of c among decimals of this many digits reads back as x. */
  private static boolean onlyOne(double x, BigDecimal c, int digits) {
    BigDecimal stripped = c.stripTrailingZeros();
    if (stripped.unscaledValue().abs().equals(BigInteger.ONE)) {
      return false; // a power of ten: the grid is finer below it; let the exact path decide
    }
    int leading = stripped.precision() - stripped.scale() - 1;
    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(leading - digits + 1);
    return !reads(x, stripped.add(unit)) && !reads(x, stripped.subtract(unit));
  }

  /**
   * The decimal of this many digits nearest x among those that read back as x, the even one on a
   * tie: one of x's exact value rounded down or up, since one of those lies in the interval.
   */
  private static BigDecimal nearest(double x, int digits) {
    BigDecimal exact = new BigDecimal(x);
    BigDecimal down = exact.round(new MathContext(digits, RoundingMode.DOWN));
    BigDecimal up = exact.round(new MathContext(digits, RoundingMode.UP));
    boolean downReads = reads(x, down);
    boolean upReads = reads(x, up);
    if (downReads && upReads) {
      return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
    if (!downReads && !upReads) {
      throw new AssertionError("no " + digits + "-digit decimal reads back as " + x);
    }
    return (downReads ? down : up).stripTrailingZeros();
  }

  private static boolean reads(double x, BigDecimal decimal) {
    return Double.parseDouble(decimal.toString()) == x;
  }

  /** Double.toString's layout of a nonzero decimal. */
  private static String layout(BigDecimal value) {
    String digits = value.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - value.scale();
    StringBuilder text = new StringBuilder(value.signum() < 0 ? "-" : "");
    BigDecimal magnitude = value.abs();
    if (magnitude.compareTo(PLAIN_LOW) >= 0 && magnitude.compareTo(PLAIN_HIGH) < 0) {
      if (exponent >= 0) {
        String whole = digits.length() > exponent + 1 ? digits.substring(0, exponent + 1)
            : digits + "0".repeat(exponent + 1 - digits.length());
        String fraction = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
        text.append(whole).append('.').append(fraction);
      } else {
        text.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      }
    } else {
      text.append(digits.charAt(0)).append('.')
          .append(digits.length() > 1 ? digits.substring(1) : "0")
          .append('E').append(exponent);
    }
    return text.toString();
  }
}
