package sigprop.stats;

/**
 * {@code bins} equal bins over [lo, hi] for bounded quantities (a tanh output: [−1, 1]), plus an
 * underflow slot (v &lt; lo) and an overflow slot (v &gt; hi). Slot 0 is underflow, slot i+1 is
 * bin i, slot bins+1 is overflow.
 *
 * <p>Bin i holds the true values t with floor((t − lo)·bins/(hi − lo)) = i computed in double;
 * the last bin is closed, so t = hi is counted (a saturated tanh returns exactly 1.0). With dyadic
 * edges (e.g. [−1, 1] and a power-of-two bin count) every edge is exact and belongs to the bin
 * above it; otherwise, and for values closer to an edge than an ulp of max(|lo|, |hi|) (−2^-1074
 * in [−1, 1] rounds onto the edge 0), rounding decides the side.
 */
public record LinearBins(double lo, double hi, int bins) implements HistogramSpec {

  /** Checks that the range is finite, non-empty and the bin count positive. */
  public LinearBins {
    if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi && Double.isFinite(hi - lo))) {
      throw new IllegalArgumentException("need finite lo < hi with hi − lo finite, got [" + lo
          + ", " + hi + "]");
    }
    if (bins < 1 || bins > 1 << 24) {
      throw new IllegalArgumentException("bins must be in 1..2^24, got " + bins);
    }
  }

  /** The bin width (hi − lo)/bins. */
  public double width() {
    return (hi - lo) / bins;
  }

  /** bins/(hi − lo): the factor the bin index is computed with. */
  double binsPerUnit() {
    return bins / (hi - lo);
  }

  @Override
  public double binsPerAxisUnit() {
    return binsPerUnit();
  }

  @Override
  public int slots() {
    return bins + 2;
  }

  @Override
  public int slotOf(double value, int log2Scale) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("non-finite value " + value);
    }
    double[] f = scaleFactors(log2Scale);
    return slotOfTrue(trueValue(value, f[0], f[1], f[2]), lo, hi, binsPerUnit(), bins);
  }

  /**
   * Three powers of two whose product is 2^log2Scale, each a normal double: multiplying by them in
   * turn is exact in range and saturates to 0 or ±∞ out of it, and never turns 0 into NaN.
   */
  static double[] scaleFactors(int log2Scale) {
    int s = Math.max(-3066, Math.min(3066, log2Scale));
    int s1 = s / 3;
    int s2 = (s - s1) / 2;
    int s3 = s - s1 - s2;
    return new double[] {Math.scalb(1.0, s1), Math.scalb(1.0, s2), Math.scalb(1.0, s3)};
  }

  /** value·f1·f2·f3, the one definition of a linear bin's true value (kernel and scalar). */
  static double trueValue(double value, double f1, double f2, double f3) {
    return value * f1 * f2 * f3;
  }

  /**
   * The slot of true value t (±∞ allowed). Branch-free (sign bits instead of comparisons) so the
   * cost does not depend on how often data falls outside [lo, hi].
   */
  static int slotOfTrue(double t, double lo, double hi, double binsPerUnit, int bins) {
    // t < lo ⇔ t − lo < 0, read off the sign bit; + 0.0 turns the one −0 difference (t = −0.0,
    // lo = +0.0: −0 − 0 = −0) into +0, since −0.0 is not below 0. Same for hi.
    int under = (int) (Double.doubleToRawLongBits((t - lo) + 0.0) >>> 63);
    int over = (int) (Double.doubleToRawLongBits((hi - t) + 0.0) >>> 63);
    // For t >= lo, x >= 0 and the cast floors; t = hi lands in the last bin (closed).
    int inRange = (int) Math.min((t - lo) * binsPerUnit, bins - 1.0) + 1;
    return inRange * (1 - under - over) + (bins + 1) * over;
  }

  /** The edge between bin i−1 and bin i, i in 0..bins; exact at both ends. */
  public double edge(int i) {
    return i == bins ? hi : lo + (hi - lo) * i / bins;
  }

  @Override
  public String slotKind(int slot) {
    checkSlot(slot);
    return slot == 0 ? "underflow" : slot == bins + 1 ? "overflow" : "bin";
  }

  @Override
  public int slotSign(int slot) {
    checkSlot(slot);
    return 0;
  }

  @Override
  public String axis() {
    return "value";
  }

  @Override
  public double lowerEdge(int slot) {
    checkSlot(slot);
    return slot == 0 ? Double.NEGATIVE_INFINITY : slot == bins + 1 ? hi : edge(slot - 1);
  }

  @Override
  public double upperEdge(int slot) {
    checkSlot(slot);
    return slot == 0 ? lo : slot == bins + 1 ? Double.POSITIVE_INFINITY : edge(slot);
  }

  @Override
  public ScaledDouble slotStart(int slot) {
    double e = lowerEdge(slot);
    return Double.isFinite(e) ? ScaledDouble.of(e) : null;
  }

  @Override
  public ScaledDouble slotEnd(int slot) {
    double e = upperEdge(slot);
    return Double.isFinite(e) ? ScaledDouble.of(e) : null;
  }

  @Override
  public ScaledDouble interpolate(ScaledDouble a, ScaledDouble b, double q) {
    return ScaledDouble.lerp(a, b, q);
  }

  private void checkSlot(int slot) {
    if (slot < 0 || slot > bins + 1) {
      throw new IndexOutOfBoundsException("slot " + slot + " not in 0.." + (bins + 1));
    }
  }
}
