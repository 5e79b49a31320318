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
 * boxing or per-value allocation. Both passes run in a {@link BlockKernel}: Vector API lanes when
 * the module is present, plain loops otherwise, with the same counts and bits.
 *
 * <p>The histogram is a dense array of spec.slots() counters (128 KB for {@link LogBins#DEFAULT}):
 * keep an accumulator only while its site's tensors arrive, keep the compact {@link SiteRecord}
 * afterwards, and {@link #reset()} to reuse the array.
 */
public final class SiteAccumulator {
  private static final int BLOCK = BlockKernel.BLOCK;
  private static final BlockKernel KERNEL = BlockKernels.best();

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

  // The classifying pass's results for the current block, and the kernel's work arrays.
  private final BlockSummary block = new BlockSummary();
  private final double[] sums = new double[3];

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
    BlockSummary b = block;
    if (spec instanceof LinearBins linear) {
      KERNEL.classifyLinear(linear, a, from, to, log2Scale, t90, t99, counts, b);
    } else {
      KERNEL.classifyLog((LogBins) spec, a, from, to, log2Scale, t90, t99, counts, b);
    }
    nonFinite += b.nonFinite;
    zeros += b.zeros;
    saturated90 += b.saturated90;
    saturated99 += b.saturated99;
    int n = to - from - b.nonFinite;
    if (n == 0) {
      return;
    }
    double maxAbs = Math.max(-b.min, b.max);
    // Normalize the block's largest magnitude into [1, 2): no sum below can overflow or underflow.
    int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    double f = Math.scalb(1.0, -e);
    double min = b.min * f;
    double max = b.max * f;
    double shift = 0.5 * (min + max);
    if (b.nonFinite == 0) {
      KERNEL.shiftedSums(a, from, to, f, shift, sums);
    } else {
      shiftedSumsFiniteOnly(a, from, to, f, shift, sums);
    }
    double sd = sums[0];
    double m2 = Math.max(0.0, sums[1] - sd * sd / n);
    moments = moments.merge(
        new Moments(n, shift + sd / n, m2, min, max, sums[2], Math.addExact(log2Scale, e)));
  }

  /** As {@link BlockKernel#shiftedSums}, skipping NaN and ±∞ (for blocks that hold some). */
  private static void shiftedSumsFiniteOnly(
      double[] a, int from, int to, double f, double shift, double[] sums) {
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
    sums[0] = s;
    sums[1] = q;
    sums[2] = b;
  }
}
