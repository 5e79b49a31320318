package sigprop.stats;

/**
 * Signed log-magnitude bins for unbounded quantities (gradients spanning hundreds of decades):
 * {@code binsPerDecade} bins per decade of |v| over [10^minDecade, 10^maxDecade), separately for
 * negative and positive values, plus slots for |v| below the range ("tiny"), at or above it
 * ("huge"), and exact zeros. Magnitudes use the true value, so log10|v| + log2Scale·log10 2.
 *
 * <p>With D = (maxDecade − minDecade)·binsPerDecade bins per side the slots are, in value order:
 * 0 negative huge, 1..D negative bins (largest magnitude first), D+1 negative tiny, D+2 zero,
 * D+3 positive tiny, D+4..2D+3 positive bins, 2D+4 positive huge. Magnitude bin j covers
 * log10|v| in [minDecade + j/k, minDecade + (j+1)/k), found as floor((log10|v| − minDecade)·k)
 * with log10|v| from {@link FastLog2}: 1.0 (on the edge of decade 0) places exactly, any other
 * value within ~1e-12 decades of an edge may land on either side.
 */
public record LogBins(int minDecade, int maxDecade, int binsPerDecade) implements HistogramSpec {
  /** [1e-400, 1e400), 10 bins per decade (ratio 10^0.1 ≈ 1.259 per bin). */
  public static final LogBins DEFAULT = new LogBins(-400, 400, 10);

  /** The most bins on each side of zero: 2^22. */
  public static final int MAX_BINS_PER_SIDE = 1 << 22;

  /** 2^52 − 1: magnitude bits − 1 of subnormals are below it (unsigned). */
  private static final long SUBNORMAL_LIMIT = (1L << 52) - 1;

  /** Checks the decade range and the resolution. */
  public LogBins {
    if (minDecade >= maxDecade || binsPerDecade < 1
        || (long) (maxDecade - minDecade) * binsPerDecade > MAX_BINS_PER_SIDE) {
      throw new IllegalArgumentException("need minDecade < maxDecade, binsPerDecade >= 1 and at"
          + " most 2^22 bins per side, got [" + minDecade + ", " + maxDecade + ") x "
          + binsPerDecade);
    }
  }

  /** D, the number of magnitude bins on each side. */
  public int binsPerSide() {
    return (maxDecade - minDecade) * binsPerDecade;
  }

  /** The slot counting exact zeros (both signs). */
  public int zeroSlot() {
    return binsPerSide() + 2;
  }

  @Override
  public double binsPerAxisUnit() {
    return binsPerDecade;
  }

  /** The ratio between a bin's upper and lower magnitude, 10^(1/binsPerDecade). */
  public double binRatio() {
    return StrictMath.pow(10, 1.0 / binsPerDecade);
  }

  @Override
  public int slots() {
    return 2 * binsPerSide() + 5;
  }

  @Override
  public int slotOf(double value, int log2Scale) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite value " + value);
    }
    return slotOfBits(Double.doubleToRawLongBits(value), log2Scale - 1023.0, positionScale(),
        positionOffset(), binsPerSide());
  }

  /** binsPerDecade·log10 2: bin positions per unit of log2. */
  double positionScale() {
    return binsPerDecade * Pow2.LOG10_2;
  }

  /** 1 − binsPerDecade·minDecade (an exact integer): the position of 1.0, plus one. */
  double positionOffset() {
    return 1.0 - (double) binsPerDecade * minDecade;
  }

  /**
   * The slot of the finite double with raw bits {@code bits} scaled by 2^(exponentOffset + 1023):
   * the one definition of log binning, shared by {@link #slotOf}, the kernel and
   * {@link LogBinMemo}. Free of data-dependent branches except for subnormals (rare).
   */
  static int slotOfBits(long bits, double exponentOffset, double scale, double offset, int d) {
    if (isSubnormal(bits)) {
      double lifted = Double.longBitsToDouble(bits) * 0x1p54;
      return slotOfBits(Double.doubleToRawLongBits(lifted), exponentOffset - 54, scale, offset, d);
    }
    return slotOfPosition(bits, position(bits, exponentOffset, scale, offset, d), d);
  }

  /** 0 &lt; |v| &lt; 2^-1022: one unsigned compare of the magnitude bits, false for zero. */
  static boolean isSubnormal(long bits) {
    return ((bits & Long.MAX_VALUE) - 1 ^ Long.MIN_VALUE) < (SUBNORMAL_LIMIT ^ Long.MIN_VALUE);
  }

  /**
   * The magnitude position j + 1 of a normal (or zero) double: floor(log2|v|·scale + offset)
   * clamped to 0 (tiny) .. d + 1 (huge); truncation is floor here since all positions below 0
   * clamp to 0 anyway.
   */
  static int position(long bits, double exponentOffset, double scale, double offset, int d) {
    int biased = (int) ((bits & Long.MAX_VALUE) >>> 52);
    double log2 = (biased + exponentOffset) + FastLog2.mantissa(bits);
    return Math.max(0, Math.min((int) (log2 * scale + offset), d + 1));
  }

  /**
   * The slot of a value from its magnitude position: d+3+position if positive, mirrored to
   * d+1−position if negative, d+2 for zero, selected without branches (which the many zeros of
   * a ReLU tensor would mispredict).
   */
  static int slotOfPosition(long bits, int position, int d) {
    int sign = (int) (bits >> 63); // 0 or −1
    int slot = d + 3 + sign + (position ^ sign);
    int isZero = (int) (((bits & Long.MAX_VALUE) - 1) >> 63); // −1 for ±0, else 0
    return (slot & ~isZero) | ((d + 2) & isZero);
  }

  @Override
  public String slotKind(int slot) {
    int d = checkSlot(slot);
    if (slot == d + 2) {
      return "zero";
    }
    int j = magnitudeBin(slot, d);
    return j < 0 ? "tiny" : j == d ? "huge" : "bin";
  }

  @Override
  public int slotSign(int slot) {
    int d = checkSlot(slot);
    return Integer.signum(slot - (d + 2));
  }

  @Override
  public String axis() {
    return "log10|value|";
  }

  @Override
  public double lowerEdge(int slot) {
    int d = checkSlot(slot);
    if (slot == d + 2) {
      return Double.NaN;
    }
    int j = magnitudeBin(slot, d);
    return j < 0 ? Double.NEGATIVE_INFINITY : decadeEdge(j);
  }

  @Override
  public double upperEdge(int slot) {
    int d = checkSlot(slot);
    if (slot == d + 2) {
      return Double.NaN;
    }
    int j = magnitudeBin(slot, d);
    return j == d ? Double.POSITIVE_INFINITY : decadeEdge(j + 1);
  }

  /**
   * minDecade + j/binsPerDecade as one rounded quotient of integers: the nearest double to the
   * edge (0.6, not minDecade + 400.6 = 0.6000000000000227), exact at whole decades.
   */
  private double decadeEdge(int j) {
    return (double) ((long) minDecade * binsPerDecade + j) / binsPerDecade;
  }

  @Override
  public ScaledDouble slotStart(int slot) {
    int sign = slotSign(slot);
    return sign >= 0 ? magnitudeStart(slot, sign) : negate(magnitudeEnd(slot, sign));
  }

  @Override
  public ScaledDouble slotEnd(int slot) {
    int sign = slotSign(slot);
    return sign >= 0 ? magnitudeEnd(slot, sign) : negate(magnitudeStart(slot, sign));
  }

  private ScaledDouble magnitudeStart(int slot, int sign) {
    double e = lowerEdge(slot);
    return sign == 0 || e == Double.NEGATIVE_INFINITY ? ScaledDouble.ZERO
        : ScaledDouble.ofLog10(1, e);
  }

  private ScaledDouble magnitudeEnd(int slot, int sign) {
    double e = upperEdge(slot);
    return sign == 0 ? ScaledDouble.ZERO
        : e == Double.POSITIVE_INFINITY ? null : ScaledDouble.ofLog10(1, e);
  }

  private static ScaledDouble negate(ScaledDouble x) {
    return x == null ? null : new ScaledDouble(-x.value(), x.log2Scale());
  }

  @Override
  public ScaledDouble interpolate(ScaledDouble a, ScaledDouble b, double q) {
    if (a.equals(b) || q == 0) {
      return a;
    }
    // A zero end (the inner end of a tiny slot, whose values lie anywhere in (0, 10^min_decade)
    // or up to the data's extreme) has no log and the slot no ratio: no estimate within the
    // bins' bound exists. Reading the other end instead put a Gaussian at 1e-421 at its min or
    // max for every quantile, the median included.
    if (a.signum() == 0 || b.signum() == 0) {
      return null;
    }
    if (a.signum() != b.signum()) {
      return ScaledDouble.lerp(a, b, q); // only after clamping to inconsistent min/max
    }
    double la = a.log10Abs();
    return ScaledDouble.ofLog10(a.signum(), la + q * (b.log10Abs() - la));
  }

  /** The magnitude bin j of a nonzero slot: −1 for tiny, d for huge. */
  private static int magnitudeBin(int slot, int d) {
    return slot < d + 2 ? d - slot : slot - (d + 4);
  }

  private int checkSlot(int slot) {
    int d = binsPerSide();
    if (slot < 0 || slot > 2 * d + 4) {
      throw new IndexOutOfBoundsException("slot " + slot + " not in 0.." + (2 * d + 4));
    }
    return d;
  }
}
