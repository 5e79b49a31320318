package sigprop.stats;

import java.util.Locale;

/**
 * A real number of any magnitude, {@code value · 2^log2Scale}: the representation the network
 * uses for rescaled tensors, here for single true values outside double range (a gradient quantile
 * of 1e-400).
 *
 * <p>Normalized on construction to 1 ≤ |value| &lt; 2, or to value = 0 with log2Scale = 0, so equal
 * numbers are equal records and {@link #compareTo} needs no arithmetic.
 */
public record ScaledDouble(double value, int log2Scale) implements Comparable<ScaledDouble> {
  /** Zero. */
  public static final ScaledDouble ZERO = new ScaledDouble(0.0, 0);

  /** Normalizes; throws on NaN or infinity, which have no scaled form. */
  public ScaledDouble {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(
          "value must be finite, got " + value + " * 2^" + log2Scale);
    }
    if (value == 0.0) {
      value = 0.0; // also folds -0.0 into +0.0
      log2Scale = 0;
    } else {
      if (Math.getExponent(value) < Double.MIN_EXPONENT) {
        // Subnormal: lift into the normal range so getExponent is the true exponent.
        value *= 0x1p54;
        log2Scale = Math.subtractExact(log2Scale, 54);
      }
      int e = Math.getExponent(value);
      value = Math.scalb(value, -e);
      log2Scale = Math.addExact(log2Scale, e);
    }
  }

  /** The finite double {@code x}. */
  public static ScaledDouble of(double x) {
    return new ScaledDouble(x, 0);
  }

  /** signum · 10^log10Abs, to about 1e-13 relative; zero when signum is 0 or log10Abs is -∞. */
  public static ScaledDouble ofLog10(int signum, double log10Abs) {
    if (signum == 0 || log10Abs == Double.NEGATIVE_INFINITY) {
      return ZERO;
    }
    double log2 = log10Abs * Pow2.LOG2_10;
    double e = Math.floor(log2);
    if (!(Math.abs(e) < 1e9)) {
      throw new IllegalArgumentException("log10Abs out of range: " + log10Abs);
    }
    return new ScaledDouble(Math.copySign(StrictMath.pow(2.0, log2 - e), signum), (int) e);
  }

  /** The nearest double: exact in range, 0 below 2^-1074 and ±infinity above Double.MAX_VALUE. */
  public double toDouble() {
    return Math.scalb(value, log2Scale);
  }

  /** -1, 0 or 1. */
  public int signum() {
    return value > 0 ? 1 : value < 0 ? -1 : 0;
  }

  /** log10 of the magnitude, finite for every nonzero value; -∞ for zero. */
  public double log10Abs() {
    return value == 0 ? Double.NEGATIVE_INFINITY
        : StrictMath.log10(Math.abs(value)) + log2Scale * Pow2.LOG10_2;
  }

  /** a + f·(b − a), computed at the larger of the two scales so that nothing overflows. */
  public static ScaledDouble lerp(ScaledDouble a, ScaledDouble b, double f) {
    if (f == 0 || a.equals(b)) {
      return a;
    }
    if (f == 1) {
      return b;
    }
    // A zero's scale says nothing about magnitude; taking it could underflow the other operand.
    int s = a.value == 0 ? b.log2Scale
        : b.value == 0 ? a.log2Scale : Math.max(a.log2Scale, b.log2Scale);
    double x = Pow2.scale(a.value, (long) a.log2Scale - s);
    double y = Pow2.scale(b.value, (long) b.log2Scale - s);
    return new ScaledDouble(x + f * (y - x), s);
  }

  /** The smaller of a and b. */
  public static ScaledDouble min(ScaledDouble a, ScaledDouble b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The larger of a and b. */
  public static ScaledDouble max(ScaledDouble a, ScaledDouble b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Numeric order. */
  @Override
  public int compareTo(ScaledDouble o) {
    int sa = signum();
    int sb = o.signum();
    if (sa != sb) {
      return Integer.compare(sa, sb);
    }
    if (sa == 0) {
      return 0;
    }
    int magnitude = log2Scale != o.log2Scale ? Integer.compare(log2Scale, o.log2Scale)
        : Double.compare(Math.abs(value), Math.abs(o.value));
    return sa > 0 ? magnitude : -magnitude;
  }

  /** The double when it is representable, else sign, decimal mantissa and exponent. */
  @Override
  public String toString() {
    double d = toDouble();
    if (value == 0 || (Double.isFinite(d) && Math.abs(d) >= Double.MIN_NORMAL)) {
      return Double.toString(d);
    }
    double log10 = log10Abs();
    double e = Math.floor(log10);
    double m = StrictMath.pow(10, log10 - e);
    return String.format(Locale.ROOT, "%s%.6fE%d", value < 0 ? "-" : "", m, (long) e);
  }
}
