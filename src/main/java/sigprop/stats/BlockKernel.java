package sigprop.stats;

/**
 * The per-value passes of {@link SiteAccumulator} that need no histogram, one block at a time.
 * Implementations give identical results to the bit ({@link BlockKernels#best()} picks one): the
 * extremes and counters do not depend on the order values are seen in, and the sums are defined
 * on eight interleaved chains (value i of the block goes to chain i mod 8), joined as
 * ((0 + 1) + (2 + 3)) + ((4 + 5) + (6 + 7)), which one 512-bit vector holds exactly.
 */
interface BlockKernel {
  /** Values per chain set: the sums' interleave. */
  int CHAINS = 8;

  /**
   * Scans a[from, to): extremes over the values (a zero extreme reported as +0), non-finite,
   * subnormal and zero counts, and how many |v − centre| exceed t90 and t99 (+∞ thresholds
   * count none). Extremes and saturation counts are only meaningful when the block holds no NaN
   * or ±∞.
   */
  void scan(double[] a, int from, int to, double centre, double t90, double t99, BlockScan out);

  /**
   * The lean {@link #scan} for log-binned values without a saturation bound, whose histogram
   * counts the zeros: a[from, to)'s extremes as {@link #scan} gives them, nonFinite and
   * subnormals set to 1 if the block holds any such value (else 0), the other counts to 0. A
   * third of scan's work per value.
   */
  void scanExtremes(double[] a, int from, int to, BlockScan out);

  /**
   * {Σd, Σd², Σ|x|} into {@code sums} over the finite values a[from, to), x = a[i]·f,
   * d = x − shift, each sum on the eight chains of {@link BlockKernel}.
   */
  void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums);

  /**
   * The {@link LogBinMemo} cell of every value of a[from, to) into cells[0, to − from): row
   * (biased exponent + rowOffset, clamped to 0..lastRow) &lt;&lt; 9 | sign &lt;&lt; 8 | top 8
   * mantissa bits, and {@code zeroCell} for ±0. Subnormals get meaningless cells (callers bin
   * blocks holding any another way).
   */
  void logCells(double[] a, int from, int to, int rowOffset, int lastRow, int zeroCell,
      long[] cells);

  /**
   * The {@link LinearBins} slot of every value of a[from, to) into slots[0, to − from): of the
   * true value a[i]·f1·f2·f3 (the factors of LinearBins.scaleFactors; with {@code scaled}
   * false the value itself), exactly as LinearBins.slotOfTrue.
   */
  void linearSlots(double[] a, int from, int to, boolean scaled, double[] factors,
      LinearBins bins, long[] slots);

  /** A short name for logs. */
  String name();

  /** ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)): the one join of the chains. */
  static double join(double[] c) {
    return ((c[0] + c[1]) + (c[2] + c[3])) + ((c[4] + c[5]) + (c[6] + c[7]));
  }
}
