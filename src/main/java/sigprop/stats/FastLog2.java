package sigprop.stats;

/**
 * log2 of a double's mantissa by a 256-entry table and a short series, several times cheaper
 * than Math.log: the log-bin kernel needs one per value.
 *
 * <p>For mantissa m in [1, 2), let c = 1 + i/256 be the table point just below m (i = the top 8
 * mantissa bits); then log2 m = log2 c + log2(1 + u) with u = (m − c)/c in [0, 2^-8), and the
 * series of log2(1 + u) to u^4 leaves an error below u^5/(5 ln 2) &lt; 3e-13 (1e-13 decades),
 * the size of the rounding of the bin position itself; one more term costs 20% of the kernel.
 * m − c is exact (Sterbenz), and u = 0 at table points, so exact powers of two give exact logs.
 */
final class FastLog2 {
  private static final int TABLE_BITS = 8;
  private static final int TABLE_SIZE = 1 << TABLE_BITS;
  private static final long MANTISSA_MASK = (1L << 52) - 1;
  private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);
  private static final double LN2 = StrictMath.log(2.0);
  private static final double C1 = 1 / LN2;
  private static final double C2 = -1 / (2 * LN2);
  private static final double C3 = 1 / (3 * LN2);
  private static final double C4 = -1 / (4 * LN2);
  private static final double[] POINT = new double[TABLE_SIZE];
  private static final double[] INVERSE = new double[TABLE_SIZE];
  private static final double[] LOG2_POINT = new double[TABLE_SIZE];

  static {
    for (int i = 0; i < TABLE_SIZE; i++) {
      double c = 1 + (double) i / TABLE_SIZE;
      POINT[i] = c;
      INVERSE[i] = 1 / c;
      LOG2_POINT[i] = StrictMath.log(c) / LN2;
    }
  }

  private FastLog2() {}

  /** log2 of the mantissa (in [1, 2)) of the normal double with raw bits {@code bits}. */
  static double mantissa(long bits) {
    int i = (int) (bits >>> (52 - TABLE_BITS)) & (TABLE_SIZE - 1);
    double m = Double.longBitsToDouble((bits & MANTISSA_MASK) | ONE_BITS);
    double u = (m - POINT[i]) * INVERSE[i];
    return LOG2_POINT[i] + u * (C1 + u * (C2 + u * (C3 + u * C4)));
  }

  /** log2 |x| for finite nonzero x, subnormals included. */
  static double log2(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int biased = (int) (bits >>> 52) & 0x7ff;
    if (biased == 0) {
      return log2(x * 0x1p54) - 54;
    }
    return (biased - 1023) + mantissa(bits);
  }
}
