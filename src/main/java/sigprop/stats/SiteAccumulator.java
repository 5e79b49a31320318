package sigprop.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Streams the tensors of one site into moments, counters and a histogram without keeping them;
 * {@link #toRecord()} snapshots the summary. Mutable and not thread-safe: one per site and task.
 *
 * <p>The work is done block by block (1024 values, 8 KB, resident in L1): one pass classifies and
 * bins each value and finds the block's min and max; a second pass sums d = v·f − c and d² with f
 * a power of two normalizing the block's largest magnitude and c its mid-range, giving
 * mean = c + Σd/n and M2 = Σd² − (Σd)²/n (the corrected two-pass algorithm, as accurate as
 * Welford here since |c − mean| ≤ range/2); blocks then merge by {@link Moments#merge}. Welford's
 * per-value division would be a loop-carried latency chain several times slower. No sorting,
 * boxing or per-value allocation.
 *
 * <p>The histogram is a dense array of spec.slots() counters (128 KB for {@link LogBins#DEFAULT}):
 * keep an accumulator only while its site's tensors arrive, keep the compact {@link SiteRecord}
 * afterwards, and {@link #reset()} to reuse the array.
 */
public final class SiteAccumulator {
  private static final int BLOCK = 1024;

  private final HistogramSpec spec;
  private final double bound;
  private final long[] counts;
  private Moments moments = Moments.EMPTY;
  private long nonFinite;
  private long zeros;
  private long saturated90;
  private long saturated99;
  private double jacobianSum;
  private long jacobianCount;

  // Results of the classifying pass over the current block.
  private int blockNonFinite;
  private double blockMin;
  private double blockMax;

  /**
   * An empty accumulator binning by {@code spec}; {@code bound} is the activation's bound for the
   * saturation fractions (1 for tanh), NaN or +∞ when not applicable.
   */
  public SiteAccumulator(HistogramSpec spec, double bound) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (!(Double.isNaN(bound) || bound > 0)) {
      throw new IllegalArgumentException("bound must be > 0, NaN or +inf, got " + bound);
    }
    this.bound = Double.isFinite(bound) ? bound : Double.NaN;
    this.counts = new long[spec.slots()];
  }

  /** An accumulator with {@link HistogramSpec#forBound} bins. */
  public static SiteAccumulator forBound(double bound) {
    return new SiteAccumulator(HistogramSpec.forBound(bound), bound);
  }

  /** The bin layout. */
  public HistogramSpec spec() {
    return spec;
  }

  /** Adds every value of the array, with true value values[i]·2^log2Scale. */
  public void add(double[] values, int log2Scale) {
    add(values, 0, values.length, log2Scale);
  }

  /** Adds values[offset, offset+length), with true value values[i]·2^log2Scale. */
  public void add(double[] values, int offset, int length, int log2Scale) {
    Objects.checkFromIndexSize(offset, length, values.length);
    int end = offset + length;
    for (int from = offset; from < end; from += BLOCK) {
      addBlock(values, from, Math.min(end, from + BLOCK), log2Scale);
    }
  }

  /** Records one Jacobian diagnostic (mean squared singular value) for this site. */
  public void recordJacobian(double meanSquaredSingularValue) {
    jacobianSum += meanSquaredSingularValue;
    jacobianCount++;
  }

  /** Adds a finished record, as if its values had been added here; the specs must match. */
  public void merge(SiteRecord record) {
    Histogram h = record.histogram();
    if (!spec.equals(h.spec())) {
      throw new IllegalArgumentException(
          "cannot merge histograms with different specs: " + spec + " vs " + h.spec());
    }
    if (Double.compare(bound, record.bound()) != 0) {
      throw new IllegalArgumentException(
          "cannot merge records with different bounds: " + bound + " vs " + record.bound());
    }
    long[] c = h.counts();
    for (int i = 0; i < c.length; i++) {
      counts[h.firstSlot() + i] += c[i];
    }
    moments = moments.merge(record.moments());
    nonFinite += record.nonFinite();
    zeros += record.zeros();
    saturated90 += record.saturated90();
    saturated99 += record.saturated99();
    jacobianSum += record.jacobianSum();
    jacobianCount += record.jacobianCount();
  }

  /** A snapshot of everything added so far. */
  public SiteRecord toRecord() {
    return new SiteRecord(moments, Histogram.of(spec, counts), bound, nonFinite, zeros,
        saturated90, saturated99, jacobianSum, jacobianCount);
  }

  /** Forgets everything, keeping the spec, the bound and the allocated counters. */
  public void reset() {
    Arrays.fill(counts, 0);
    moments = Moments.EMPTY;
    nonFinite = 0;
    zeros = 0;
    saturated90 = 0;
    saturated99 = 0;
    jacobianSum = 0;
    jacobianCount = 0;
  }

  private void addBlock(double[] a, int from, int to, int log2Scale) {
    // Saturation thresholds in stored units: |v|·2^s > t ⇔ |v| > t·2^-s.
    double t90 = Pow2.scale(0.9 * bound, -(long) log2Scale);
    double t99 = Pow2.scale(0.99 * bound, -(long) log2Scale);
    if (spec instanceof LinearBins linear) {
      classifyLinear(linear, a, from, to, log2Scale, t90, t99);
    } else {
      classifyLog((LogBins) spec, a, from, to, log2Scale, t90, t99);
    }
    nonFinite += blockNonFinite;
    int n = to - from - blockNonFinite;
    if (n == 0) {
      return;
    }
    double maxAbs = Math.max(-blockMin, blockMax);
    // Normalize the block's largest magnitude into [1, 2): no sum below can overflow or underflow.
    int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    double f = Math.scalb(1.0, -e);
    double min = blockMin * f;
    double max = blockMax * f;
    double shift = 0.5 * (min + max);
    double[] sums = blockNonFinite == 0 ? shiftedSums(a, from, to, f, shift)
        : shiftedSumsFiniteOnly(a, from, to, f, shift);
    double sd = sums[0];
    double m2 = Math.max(0.0, sums[1] - sd * sd / n);
    moments = moments.merge(
        new Moments(n, shift + sd / n, m2, min, max, sums[2], Math.addExact(log2Scale, e)));
  }

  private void classifyLinear(LinearBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99) {
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
    finishClassify(bad, zero, sat90, sat99, min, max);
  }

  private void classifyLog(LogBins bins, double[] a, int from, int to, int log2Scale,
      double t90, double t99) {
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
    finishClassify(bad, zero, sat90, sat99, min, max);
  }

  private void finishClassify(int bad, int zero, int sat90, int sat99, double min, double max) {
    blockNonFinite = bad;
    zeros += zero;
    saturated90 += sat90;
    saturated99 += sat99;
    blockMin = min;
    blockMax = max;
  }

  /** {Σd, Σd², Σ|x|} over x = v·f, d = x − shift; four interleaved chains hide add latency. */
  private static double[] shiftedSums(double[] a, int from, int to, double f, double shift) {
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
    return new double[] {(s0 + s1) + (s2 + s3), (q0 + q1) + (q2 + q3), (b0 + b1) + (b2 + b3)};
  }

  /** As {@link #shiftedSums} but skipping NaN and ±∞ (only for blocks that hold some). */
  private static double[] shiftedSumsFiniteOnly(
      double[] a, int from, int to, double f, double shift) {
    double s = 0;
    double q = 0;
    double b = 0;
    for (int i = from; i < to; i++) {
      double v = a[i];
      if (Math.abs(v) <= Double.MAX_VALUE) {
        double x = v * f;
        double d = x - shift;
        s += d;
        q += d * d;
        b += Math.abs(x);
      }
    }
    return new double[] {s, q, b};
  }
}
