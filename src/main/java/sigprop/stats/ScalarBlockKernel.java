package sigprop.stats;

/** {@link BlockKernel} by plain loops: the reference, and the kernel without the Vector API. */
final class ScalarBlockKernel implements BlockKernel {
  static final ScalarBlockKernel INSTANCE = new ScalarBlockKernel();

  private static final long MAX_VALUE_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);
  /** 2^52 − 1: magnitude bits − 1 below it means zero or subnormal. */
  private static final long SUBNORMAL_LIMIT = (1L << 52) - 1;

  private ScalarBlockKernel() {}

  @Override
  public void scan(double[] a, int from, int to, double centre, double t90, double t99,
      BlockScan out) {
    out.clear();
    scanInto(a, from, to, centre, t90, t99, out);
    out.min += 0.0; // −0 + 0 = +0: the sign of a zero extreme would depend on the order
    out.max += 0.0;
  }

  /**
   * Adds a[from, to) to a scan in progress (extremes and counters in {@code out}): the scalar
   * definition, and the vector kernel's ragged tail. Plain comparisons, not Math.min/max: those
   * are 5x slower when values tie (ReLU zeros); counts from the magnitude bits, without branches
   * the data would mispredict.
   */
  static void scanInto(double[] a, int from, int to, double centre, double t90, double t99,
      BlockScan out) {
    long t90Bits = Double.doubleToRawLongBits(t90);
    long t99Bits = Double.doubleToRawLongBits(t99);
    double min = out.min;
    double max = out.max;
    long nonFinite = 0;
    long subnormals = 0;
    long zeros = 0;
    long saturated90 = 0;
    long saturated99 = 0;
    for (int i = from; i < to; i++) {
      double v = a[i];
      long mag = Double.doubleToRawLongBits(v) & Long.MAX_VALUE;
      min = v < min ? v : min;
      max = v > max ? v : max;
      nonFinite += exceeds(mag, MAX_VALUE_BITS);
      zeros += isZero(mag);
      subnormals += isSubnormal(mag);
      long distance = Double.doubleToRawLongBits(v - centre) & Long.MAX_VALUE;
      saturated90 += exceeds(distance, t90Bits);
      saturated99 += exceeds(distance, t99Bits);
    }
    out.min = min;
    out.max = max;
    out.nonFinite += nonFinite;
    out.subnormals += subnormals;
    out.zeros += zeros;
    out.saturated90 += saturated90;
    out.saturated99 += saturated99;
  }

  @Override
  public void scanExtremes(double[] a, int from, int to, BlockScan out) {
    out.clear();
    extremesInto(a, from, to, out);
    out.min += 0.0;
    out.max += 0.0;
  }

  /**
   * Adds a[from, to) to a {@link #scanExtremes} in progress: the scalar definition, and the
   * vector kernel's ragged tail. The presence flags are ORed in.
   */
  static void extremesInto(double[] a, int from, int to, BlockScan out) {
    double min = out.min;
    double max = out.max;
    long nonFinite = 0;
    long subnormals = 0;
    for (int i = from; i < to; i++) {
      double v = a[i];
      long mag = Double.doubleToRawLongBits(v) & Long.MAX_VALUE;
      min = v < min ? v : min;
      max = v > max ? v : max;
      nonFinite |= exceeds(mag, MAX_VALUE_BITS);
      subnormals |= isSubnormal(mag);
    }
    out.min = min;
    out.max = max;
    out.nonFinite |= nonFinite;
    out.subnormals |= subnormals;
  }

  /**
   * 1 if magnitude bits {@code mag} exceed {@code limit} (the bits of a non-negative double or
   * +∞), else 0: for non-negative doubles the bit order is the value order. NaN exceeds all.
   */
  static long exceeds(long mag, long limit) {
    return (limit - mag) >>> 63;
  }

  /** 1 for ±0 (magnitude bits 0), else 0. */
  static long isZero(long mag) {
    return (mag - 1) >>> 63;
  }

  /** 1 for a nonzero value below Double.MIN_NORMAL in magnitude, else 0. */
  static long isSubnormal(long mag) {
    return ((mag - 1) - SUBNORMAL_LIMIT) >>> 63 & ~isZero(mag) & 1;
  }

  @Override
  public void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums) {
    double[] s = new double[CHAINS];
    double[] q = new double[CHAINS];
    double[] b = new double[CHAINS];
    addToChains(a, from, from, to, f, shift, s, q, b);
    sums[0] = BlockKernel.join(s);
    sums[1] = BlockKernel.join(q);
    sums[2] = BlockKernel.join(b);
  }

  /**
   * Adds a[start, to) to the chains of a block that began at {@code from}: value i goes to chain
   * (i − from) mod 8. The scalar definition, and the vector kernel's ragged tail.
   */
  static void addToChains(double[] a, int from, int start, int to, double f, double shift,
      double[] s, double[] q, double[] b) {
    for (int i = start; i < to; i++) {
      int c = (i - from) & (CHAINS - 1);
      double x = a[i] * f;
      double d = x - shift;
      s[c] += d;
      q[c] += d * d;
      b[c] += Math.abs(x);
    }
  }

  @Override
  public void logCells(double[] a, int from, int to, int rowOffset, int lastRow, int zeroCell,
      long[] cells) {
    logCellsInto(a, from, from, to, rowOffset, lastRow, zeroCell, cells);
  }

  /** {@link #logCells} of a[start, to) into cells[start − from, to − from). */
  static void logCellsInto(double[] a, int from, int start, int to, int rowOffset, int lastRow,
      int zeroCell, long[] cells) {
    for (int i = start; i < to; i++) {
      long bits = Double.doubleToRawLongBits(a[i]);
      long mag = bits & Long.MAX_VALUE;
      long row = Math.max(0, Math.min(lastRow, (mag >>> 52) + rowOffset));
      long cell = row << 9 | bits >>> 55 & 0x100 | bits >>> 44 & 0xff;
      cells[i - from] = mag == 0 ? zeroCell : cell;
    }
  }

  @Override
  public void linearSlots(double[] a, int from, int to, boolean scaled, double[] factors,
      LinearBins bins, long[] slots) {
    linearSlotsInto(a, from, from, to, scaled, factors, bins, slots);
  }

  /** {@link #linearSlots} of a[start, to) into slots[start − from, to − from). */
  static void linearSlotsInto(double[] a, int from, int start, int to, boolean scaled,
      double[] factors, LinearBins bins, long[] slots) {
    double lo = bins.lo();
    double hi = bins.hi();
    double perUnit = bins.binsPerUnit();
    int n = bins.bins();
    for (int i = start; i < to; i++) {
      double t = scaled ? LinearBins.trueValue(a[i], factors[0], factors[1], factors[2]) : a[i];
      slots[i - from] = LinearBins.slotOfTrue(t, lo, hi, perUnit, n);
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
