package sigprop.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * Streams the tensors of one site into moments, counters and a histogram without keeping them;
 * {@link #toRecord()} snapshots the summary. Mutable and not thread-safe: one per site and task.
 *
 * <p>The work is done block by block (1024 values, 8 KB, resident in L1), in three tight loops
 * that beat one fused loop (fewer live registers, no per-value branches):
 * <ol>
 *   <li>min, max and a count of NaN and ±∞ (by exponent bits); a block holding any has its
 *       finite values compacted into a scratch block first, so the loops below need no checks;
 *   <li>the histogram slot of each value (for log bins through {@link LogBinMemo});
 *   <li>zeros (unless log bins counted them), saturation, Σ|x|, Σd and Σd² with x = v·f and d = x − c, f a power of two putting
 *       the block's largest magnitude in [1, 2) and c its mid-range, giving mean = c + Σd/n and
 *       M2 = Σd² − (Σd)²/n: the corrected two-pass algorithm, as accurate as Welford here since
 *       |c − mean| ≤ range/2, without Welford's per-value division (a loop-carried latency chain).
 * </ol>
 * Blocks merge by {@link Moments#merge}. No sorting, boxing or per-value allocation.
 *
 * <p>The histogram is a dense array of spec.slots() counters (128 KB for {@link LogBins#DEFAULT}):
 * keep an accumulator only while its site's tensors arrive, keep the compact {@link SiteRecord}
 * afterwards, and {@link #reset()} to reuse the array.
 */
public final class SiteAccumulator {
  private static final int BLOCK = 1024;
  private static final int MAX_LOG2_SCALE = 1 << 30;
  private static final long MAX_VALUE_BITS = Double.doubleToRawLongBits(Double.MAX_VALUE);

  private final HistogramSpec spec;
  private final double bound;
  private final boolean bounded;
  private final long[] counts;
  private final LogBinMemo logMemo;
  private final int zeroSlot;
  private Moments moments = Moments.EMPTY;
  private long nonFinite;
  private long zeros;
  private long saturated90;
  private long saturated99;
  private double jacobianSum;
  private long jacobianCount;

  // The finite values of a block that holds NaN or ±∞.
  private final double[] finite = new double[BLOCK];

  /**
   * An empty accumulator binning by {@code spec}; {@code bound} is the activation's bound for the
   * saturation fractions (1 for tanh), NaN or +∞ when not applicable.
   */
  public SiteAccumulator(HistogramSpec spec, double bound) {
    this.spec = Objects.requireNonNull(spec, "spec");
    if (!(Double.isNaN(bound) || bound > 0)) {
      throw new IllegalArgumentException("bound must be > 0, NaN or +inf, got " + bound);
    }
    this.bounded = Double.isFinite(bound);
    this.bound = bounded ? bound : Double.NaN;
    this.counts = new long[spec.slots()];
    this.logMemo = spec instanceof LogBins log ? LogBinMemo.of(log) : null;
    this.zeroSlot = spec instanceof LogBins log ? log.zeroSlot() : -1;
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

  /**
   * Adds values[offset, offset+length), with true value values[i]·2^log2Scale; |log2Scale| must
   * be at most 2^30 (magnitudes of 10^±3e8: anything larger is a caller's bug).
   */
  public void add(double[] values, int offset, int length, int log2Scale) {
    Objects.checkFromIndexSize(offset, length, values.length);
    if (Math.abs(log2Scale) > MAX_LOG2_SCALE) {
      throw new IllegalArgumentException(
          "|log2Scale| must be <= 2^30 so scales cannot overflow, got " + log2Scale);
    }
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
    // Plain comparisons, not Math.min/max: those are 5x slower when values tie (ReLU zeros).
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long nonFiniteSeen = 0;
    for (int i = from; i < to; i++) {
      double v = a[i];
      min = v < min ? v : min;
      max = v > max ? v : max;
      // The magnitude bits of NaN and ±∞ exceed those of Double.MAX_VALUE.
      nonFiniteSeen += (MAX_VALUE_BITS - (Double.doubleToRawLongBits(v) & Long.MAX_VALUE)) >>> 63;
    }
    if (nonFiniteSeen > 0) {
      int n = 0;
      for (int i = from; i < to; i++) {
        if (Math.abs(a[i]) <= Double.MAX_VALUE) {
          finite[n++] = a[i];
        }
      }
      nonFinite += to - from - n;
      if (n > 0) {
        addBlock(finite, 0, n, log2Scale);
      }
      return;
    }
    boolean zerosBinned = false;
    if (spec instanceof LinearBins linear) {
      binLinear(linear, a, from, to, log2Scale);
    } else {
      long zerosBefore = counts[zeroSlot];
      binLog((LogBins) spec, a, from, to, log2Scale);
      if (!bounded) {
        // Log bins count exact zeros in their own slot; nothing is left for the counting loop.
        zeros += counts[zeroSlot] - zerosBefore;
        zerosBinned = true;
      }
    }
    int n = to - from;
    double maxAbs = Math.max(-min, max);
    // Normalize the block's largest magnitude into [1, 2): no sum below can overflow or underflow.
    int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    double f = Math.scalb(1.0, -e);
    double shift = 0.5 * (min * f + max * f);
    // Saturation thresholds in stored units: |v|·2^s > t ⇔ |v| > t·2^-s; +∞ counts nothing.
    double t90 = bounded ? Pow2.scale(0.9 * bound, -(long) log2Scale) : Double.POSITIVE_INFINITY;
    double t99 = bounded ? Pow2.scale(0.99 * bound, -(long) log2Scale) : Double.POSITIVE_INFINITY;
    double[] sums = zerosBinned ? sums(a, from, to, f, shift)
        : sumsAndCounts(a, from, to, f, shift, t90, t99);
    double sd = sums[0];
    double m2 = Math.max(0.0, sums[1] - sd * sd / n);
    moments = moments.merge(new Moments(n, shift + sd / n, m2, min * f, max * f, sums[2],
        Math.addExact(log2Scale, e)));
  }

  private void binLinear(LinearBins bins, double[] a, int from, int to, int log2Scale) {
    long[] c = counts;
    double[] factors = LinearBins.scaleFactors(log2Scale);
    double f1 = factors[0];
    double f2 = factors[1];
    double f3 = factors[2];
    double lo = bins.lo();
    double hi = bins.hi();
    double perUnit = bins.binsPerUnit();
    int nBins = bins.bins();
    boolean unscaled = log2Scale == 0; // the usual case for activations: skip three multiplies
    for (int i = from; i < to; i++) {
      double t = unscaled ? a[i] : LinearBins.trueValue(a[i], f1, f2, f3);
      c[LinearBins.slotOfTrue(t, lo, hi, perUnit, nBins)]++;
    }
  }

  private void binLog(LogBins bins, double[] a, int from, int to, int log2Scale) {
    long[] c = counts;
    double exponentOffset = log2Scale - 1023.0;
    LogBinMemo memo = logMemo;
    if (memo != null) {
      int rowOffset = memo.rowOffset(log2Scale);
      for (int i = from; i < to; i++) {
        c[memo.slot(Double.doubleToRawLongBits(a[i]), rowOffset, exponentOffset)]++;
      }
      return;
    }
    double scale = bins.positionScale();
    double offset = bins.positionOffset();
    int perSide = bins.binsPerSide();
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToRawLongBits(a[i]);
      c[LogBins.slotOfBits(bits, exponentOffset, scale, offset, perSide)]++;
    }
  }

  /**
   * Counts zeros and saturated values, and returns {Σd, Σd², Σ|x|} over x = v·f, d = x − shift.
   * Counts are sign bits, not comparisons: C2 compiles {@code c ? 1 : 0} to a branch or not
   * depending on the profile, and half-saturated tanh or half-zero ReLU data would mispredict.
   * Two interleaved chains per sum hide the add latency.
   */
  private double[] sumsAndCounts(
      double[] a, int from, int to, double f, double shift, double t90, double t99) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    double b0 = 0;
    double b1 = 0;
    long zero = 0;
    long sat90 = 0;
    long sat99 = 0;
    int i = from;
    for (; i + 1 < to; i += 2) {
      double v0 = a[i];
      double v1 = a[i + 1];
      double x0 = v0 * f;
      double x1 = v1 * f;
      double d0 = x0 - shift;
      double d1 = x1 - shift;
      s0 += d0;
      s1 += d1;
      q0 += d0 * d0;
      q1 += d1 * d1;
      b0 += Math.abs(x0);
      b1 += Math.abs(x1);
      zero += isZero(v0) + isZero(v1);
      sat90 += exceeds(v0, t90) + exceeds(v1, t90);
      sat99 += exceeds(v0, t99) + exceeds(v1, t99);
    }
    if (i < to) {
      double v = a[i];
      double x = v * f;
      double d = x - shift;
      s0 += d;
      q0 += d * d;
      b0 += Math.abs(x);
      zero += isZero(v);
      sat90 += exceeds(v, t90);
      sat99 += exceeds(v, t99);
    }
    zeros += zero;
    saturated90 += sat90;
    saturated99 += sat99;
    return new double[] {s0 + s1, q0 + q1, b0 + b1};
  }

  /** {Σd, Σd², Σ|x|} over x = v·f, d = x − shift: {@link #sumsAndCounts} without the counts. */
  private static double[] sums(double[] a, int from, int to, double f, double shift) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    double b0 = 0;
    double b1 = 0;
    int i = from;
    for (; i + 1 < to; i += 2) {
      double x0 = a[i] * f;
      double x1 = a[i + 1] * f;
      double d0 = x0 - shift;
      double d1 = x1 - shift;
      s0 += d0;
      s1 += d1;
      q0 += d0 * d0;
      q1 += d1 * d1;
      b0 += Math.abs(x0);
      b1 += Math.abs(x1);
    }
    if (i < to) {
      double x = a[i] * f;
      double d = x - shift;
      s0 += d;
      q0 += d * d;
      b0 += Math.abs(x);
    }
    return new double[] {s0 + s1, q0 + q1, b0 + b1};
  }

  /** 1 if v is ±0, else 0: magnitude bits − 1 is negative only for zero. */
  private static long isZero(double v) {
    return ((Double.doubleToRawLongBits(v) & Long.MAX_VALUE) - 1) >>> 63;
  }

  /** 1 if |v| &gt; t, else 0, for t ≥ 0 or +∞: the sign of t − |v|. */
  private static long exceeds(double v, double t) {
    return Double.doubleToRawLongBits(t - Math.abs(v)) >>> 63;
  }
}
