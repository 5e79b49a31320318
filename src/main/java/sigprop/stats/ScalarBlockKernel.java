package sigprop.stats;

/** {@link BlockKernel} in plain loops: the reference, and the fallback without the Vector API. */
final class ScalarBlockKernel implements BlockKernel {
  static final ScalarBlockKernel INSTANCE = new ScalarBlockKernel();

  private ScalarBlockKernel() {}

  @Override
  public void classifyLinear(LinearBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99, long[] counts, BlockSummary out) {
    long[] c = counts;
    double[] factors = LinearBins.scaleFactors(log2Scale);
    double f1 = factors[0];
    double f2 = factors[1];
    double f3 = factors[2];
    double lo = bins.lo();
    double hi = bins.hi();
    double perUnit = bins.binsPerUnit();
    int nBins = bins.bins();
    int bad = 0;
    int zero = 0;
    int sat90 = 0;
    int sat99 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double v = a[i];
      double abs = Math.abs(v);
      if (!(abs <= Double.MAX_VALUE)) {
        bad++;
        continue;
      }
      min = v < min ? v : min;
      max = v > max ? v : max;
      zero += v == 0 ? 1 : 0;
      sat90 += abs > t90 ? 1 : 0;
      sat99 += abs > t99 ? 1 : 0;
      c[LinearBins.slotOfTrue(LinearBins.trueValue(v, f1, f2, f3), lo, hi, perUnit, nBins)]++;
    }
    summarize(out, bad, zero, sat90, sat99, min, max);
  }

  @Override
  public void classifyLog(LogBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99, long[] counts, BlockSummary out) {
    long[] c = counts;
    double exponentOffset = log2Scale - 1023.0;
    double minDecade = bins.minDecade();
    double perDecade = bins.binsPerDecade();
    int perSide = bins.binsPerSide();
    int bad = 0;
    int zero = 0;
    int sat90 = 0;
    int sat99 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double v = a[i];
      double abs = Math.abs(v);
      if (!(abs <= Double.MAX_VALUE)) {
        bad++;
        continue;
      }
      min = v < min ? v : min;
      max = v > max ? v : max;
      zero += v == 0 ? 1 : 0;
      sat90 += abs > t90 ? 1 : 0;
      sat99 += abs > t99 ? 1 : 0;
      long bits = Double.doubleToRawLongBits(v);
      c[LogBins.slotOfBits(bits, exponentOffset, minDecade, perDecade, perSide)]++;
    }
    summarize(out, bad, zero, sat90, sat99, min, max);
  }

  static void summarize(BlockSummary out, int bad, int zero, int sat90, int sat99, double min,
      double max) {
    out.nonFinite = bad;
    out.zeros = zero;
    out.saturated90 = sat90;
    out.saturated99 = sat99;
    out.min = min;
    out.max = max;
  }

  @Override
  public void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    double q3 = 0;
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    double b3 = 0;
    int i = from;
    for (; i + 3 < to; i += 4) {
      double x0 = a[i] * f;
      double x1 = a[i + 1] * f;
      double x2 = a[i + 2] * f;
      double x3 = a[i + 3] * f;
      double d0 = x0 - shift;
      double d1 = x1 - shift;
      double d2 = x2 - shift;
      double d3 = x3 - shift;
      s0 += d0;
      s1 += d1;
      s2 += d2;
      s3 += d3;
      q0 += d0 * d0;
      q1 += d1 * d1;
      q2 += d2 * d2;
      q3 += d3 * d3;
      b0 += Math.abs(x0);
      b1 += Math.abs(x1);
      b2 += Math.abs(x2);
      b3 += Math.abs(x3);
    }
    for (; i < to; i++) {
      double x = a[i] * f;
      double d = x - shift;
      s0 += d;
      q0 += d * d;
      b0 += Math.abs(x);
    }
    sums[0] = (s0 + s1) + (s2 + s3);
    sums[1] = (q0 + q1) + (q2 + q3);
    sums[2] = (b0 + b1) + (b2 + b3);
  }

  @Override
  public String name() {
    return "scalar";
  }
}
