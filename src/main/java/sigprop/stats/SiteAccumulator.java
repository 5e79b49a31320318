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
 *   <li>{@link BlockKernel#scan}: min, max, and counts of NaN and ±∞, subnormals, zeros and
 *       saturated values (on Vector API lanes where available); for log bins without a
 *       saturation bound (most sites) the lean {@link BlockKernel#scanExtremes}, the zeros then
 *       counted by the histogram's zero slot; a block holding NaN or ±∞ has
 *       its finite values compacted into a scratch block first, so the loops below need no
 *       checks;
 *   <li>the histogram slot of each value (for log bins through {@link LogBinMemo}), counted
 *       into a dense array;
 *   <li>{@link BlockKernel#shiftedSums}: Σ|x|, Σd and Σd² with x = v·f and d = x − c, f a power
 *       of two putting the block's largest magnitude in [1, 2) and c its mid-range, giving
 *       mean = c + Σd/n and M2 = Σd² − (Σd)²/n: the corrected two-pass algorithm, as accurate as
 *       Welford here since |c − mean| ≤ range/2, without Welford's per-value division.
 * </ol>
 * Blocks merge by {@link Moments#merge}. No sorting, boxing or per-value allocation.
 *
 * <p>The histogram is a dense array of spec.slots() counters (128 KB for {@link LogBins#DEFAULT}):
 * keep an accumulator only while its site's tensors arrive, keep the compact {@link SiteRecord}
 * afterwards, and {@link #reset()} to reuse the array. Slots are in value order, so the slots of
 * the block's extremes bound the slots it touched; snapshot and reset visit only that range, and
 * the snapshot keeps only its non-empty slots.
 */
public final class SiteAccumulator {
  private static final int BLOCK = 1024;
  private static final int MAX_LOG2_SCALE = 1 << 30;
  /**
   * Slots of the extremes widened by this much: log positions come from a formula that is
   * monotone only to within its rounding (~1e-12 bins), which can move a value one slot.
   */
  private static final int SLOT_MARGIN = 2;

  private final HistogramSpec spec;
  private final SaturationRange saturation;
  private final boolean bounded;
  private final long[] counts;
  private final LogBinMemo logMemo;
  /**
   * Log bins and no saturation bound: the block scan needs only the extremes and whether
   * non-finite or subnormal values are present ({@link BlockKernel#scanExtremes}), and the zeros
   * are read off the histogram's zero slot.
   */
  private final boolean leanScan;
  private final int zeroSlot;
  private final BlockKernel kernel = BlockKernels.best();
  private final BlockScan scan = new BlockScan();
  private final double[] sums = new double[3];
  /** A block's slots (linear bins) or table cells (log bins), from the kernel. */
  private final long[] slotScratch = new long[BLOCK];
  /** The slots that may hold counts: [touchedLow, touchedHigh], empty when low > high. */
  private int touchedLow = Integer.MAX_VALUE;
  private int touchedHigh = -1;
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
   * An empty accumulator binning by {@code spec}; {@code bound} is a symmetric activation's bound
   * for the saturation fractions (1 for tanh), NaN or +∞ when not applicable.
   */
  public SiteAccumulator(HistogramSpec spec, double bound) {
    this(spec, SaturationRange.symmetric(bound));
  }

  /**
   * An empty accumulator binning by {@code spec}, measuring saturation against the activation's
   * range ({@link SaturationRange#NONE} when not applicable).
   */
  public SiteAccumulator(HistogramSpec spec, SaturationRange saturation) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.saturation = Objects.requireNonNull(saturation, "saturation");
    this.bounded = saturation.isBounded();
    this.counts = new long[spec.slots()];
    this.logMemo = spec instanceof LogBins log ? LogBinMemo.of(log) : null;
    this.leanScan = spec instanceof LogBins && !bounded;
    this.zeroSlot = spec instanceof LogBins log ? log.zeroSlot() : 0;
  }

  /** An accumulator with {@link HistogramSpec#forBound} bins. */
  public static SiteAccumulator forBound(double bound) {
    return new SiteAccumulator(HistogramSpec.forBound(bound), bound);
  }

  /** The name of the statistics kernel this JVM uses: "vector" or "scalar". */
  public static String kernelName() {
    return BlockKernels.best().name();
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
    if (!saturation.equals(record.saturation())) {
      throw new IllegalArgumentException("cannot merge records with different saturation ranges: "
          + saturation + " vs " + record.saturation());
    }
    int[] slots = h.nonEmptySlots();
    long[] c = h.nonEmptyCounts();
    for (int i = 0; i < slots.length; i++) {
      counts[slots[i]] += c[i];
    }
    if (slots.length > 0) {
      touch(slots[0], slots[slots.length - 1]);
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
    Histogram h = Histogram.nonEmptyOf(spec, counts, Math.min(touchedLow, touchedHigh + 1),
        touchedHigh + 1, 0);
    return new SiteRecord(moments, h, saturation, nonFinite, zeros,
        saturated90, saturated99, jacobianSum, jacobianCount);
  }

  /** Forgets everything, keeping the spec, the saturation range and the allocated counters. */
  public void reset() {
    if (touchedLow <= touchedHigh) {
      Arrays.fill(counts, touchedLow, touchedHigh + 1, 0);
    }
    touchedLow = Integer.MAX_VALUE;
    touchedHigh = -1;
    moments = Moments.EMPTY;
    nonFinite = 0;
    zeros = 0;
    saturated90 = 0;
    saturated99 = 0;
    jacobianSum = 0;
    jacobianCount = 0;
  }

  private void addBlock(double[] a, int from, int to, int log2Scale) {
    // Saturation in stored units: |v·2^s − c| > t ⇔ |v − c·2^-s| > t·2^-s; +∞ counts nothing.
    double centre = bounded ? Pow2.scale(saturation.centre(), -(long) log2Scale) : 0;
    double half = saturation.halfWidth();
    double t90 = bounded ? Pow2.scale(0.9 * half, -(long) log2Scale) : Double.POSITIVE_INFINITY;
    double t99 = bounded ? Pow2.scale(0.99 * half, -(long) log2Scale) : Double.POSITIVE_INFINITY;
    BlockScan s = scan;
    if (leanScan) {
      kernel.scanExtremes(a, from, to, s);
    } else {
      kernel.scan(a, from, to, centre, t90, t99, s);
    }
    if (s.nonFinite > 0) {
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
    double min = s.min;
    double max = s.max;
    zeros += s.zeros;
    saturated90 += s.saturated90;
    saturated99 += s.saturated99;
    if (spec instanceof LinearBins linear) {
      binLinear(linear, a, from, to, log2Scale);
    } else {
      long zerosBefore = leanScan ? counts[zeroSlot] : 0;
      binLog((LogBins) spec, a, from, to, log2Scale, s.subnormals > 0);
      if (leanScan) {
        zeros += counts[zeroSlot] - zerosBefore;
      }
    }
    touch(spec.slotOf(min, log2Scale) - SLOT_MARGIN, spec.slotOf(max, log2Scale) + SLOT_MARGIN);
    int n = to - from;
    double maxAbs = Math.max(-min, max);
    // Normalize the block's largest magnitude into [1, 2): no sum below can overflow or underflow.
    int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    double f = Math.scalb(1.0, -e);
    double shift = 0.5 * (min * f + max * f);
    kernel.shiftedSums(a, from, to, f, shift, sums);
    double sd = sums[0];
    double m2 = Math.max(0.0, sums[1] - sd * sd / n);
    // The extremes at the block's own scale, not in units of its largest magnitude, where a
    // value 2^1074 times smaller would round to 0.
    moments = moments.merge(new Moments(n, shift + sd / n, m2, new ScaledDouble(min, log2Scale),
        new ScaledDouble(max, log2Scale), sums[2], Math.addExact(log2Scale, e)));
  }

  /** Widens the touched slot range to include [low, high], clamped to the slots. */
  private void touch(int low, int high) {
    touchedLow = Math.min(touchedLow, Math.max(0, low));
    touchedHigh = Math.max(touchedHigh, Math.min(counts.length - 1, high));
  }

  private void binLinear(LinearBins bins, double[] a, int from, int to, int log2Scale) {
    long[] slots = slotScratch;
    // The usual case for activations is unscaled: the kernel skips three multiplies.
    kernel.linearSlots(a, from, to, log2Scale != 0, LinearBins.scaleFactors(log2Scale), bins,
        slots);
    long[] c = counts;
    for (int k = 0; k < to - from; k++) {
      c[(int) slots[k]]++;
    }
  }

  private void binLog(LogBins bins, double[] a, int from, int to, int log2Scale,
      boolean subnormals) {
    long[] c = counts;
    if (logMemo != null) {
      logMemo.count(a, from, to, log2Scale, subnormals, c, kernel, slotScratch);
      return;
    }
    double exponentOffset = log2Scale - 1023.0;
    double scale = bins.positionScale();
    double offset = bins.positionOffset();
    int perSide = bins.binsPerSide();
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToRawLongBits(a[i]);
      c[LogBins.slotOfBits(bits, exponentOffset, scale, offset, perSide)]++;
    }
  }
}
