package sigprop.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Immutable counts per slot of a {@link HistogramSpec}; histograms of equal specs merge exactly by
 * adding counts. Only the non-empty slots are stored: a tensor touches few of the thousands of
 * log bins, and a two-signed one in log bins has thousands of empty slots between its smallest
 * negative and positive magnitudes.
 *
 * <p>Quantiles use the interpolation of numpy and torch ("linear"): rank r = p·(N − 1), between
 * the order statistics x(⌊r⌋) and x(⌈r⌉). Each order statistic is estimated inside the slot that
 * holds it (at its mid-rank position, linearly for linear bins, geometrically for log bins), so:
 * <ul>
 *   <li>linear bins: |estimate − exact| ≤ one bin width when both order statistics lie in [lo, hi];
 *   <li>log bins: estimate/exact ∈ [1/ρ, ρ], ρ = 10^(1/binsPerDecade), when both order statistics
 *       lie inside the decade range (or are zero) and are not of opposite sign.
 * </ul>
 * Given the data's min and max, slots are first clamped to [min, max], which makes the under-,
 * overflow and huge slots usable (error ≤ their clamped width) and a constant tensor exact. A
 * quantile whose order statistic lies in a log-bin tiny slot reaching 0 (values below the decade
 * range, beside zero or values of the other sign) has no estimate: null.
 */
public final class Histogram {
  private final HistogramSpec spec;
  /** The non-empty slots, ascending. */
  private final int[] slots;
  /** Their counts, each > 0. */
  private final long[] counts;
  private final long total;

  private Histogram(HistogramSpec spec, int[] slots, long[] counts, long total) {
    this.spec = spec;
    this.slots = slots;
    this.counts = counts;
    this.total = total;
  }

  /** No counts. */
  public static Histogram empty(HistogramSpec spec) {
    return new Histogram(Objects.requireNonNull(spec, "spec"), new int[0], new long[0], 0);
  }

  /** From counts of every slot (length spec.slots()). */
  public static Histogram of(HistogramSpec spec, long[] allCounts) {
    if (allCounts.length != spec.slots()) {
      throw new IllegalArgumentException(
          "expected " + spec.slots() + " counts for " + spec + ", got " + allCounts.length);
    }
    return ofRange(spec, 0, allCounts);
  }

  /** From the counts of slots firstSlot, firstSlot+1, … (zeros allowed anywhere). */
  public static Histogram ofRange(HistogramSpec spec, int firstSlot, long[] counts) {
    Objects.requireNonNull(spec, "spec");
    if (firstSlot < 0 || (long) firstSlot + counts.length > spec.slots()) {
      throw new IllegalArgumentException("slots " + firstSlot + ".." + (firstSlot + counts.length)
          + " outside 0.." + spec.slots() + " of " + spec);
    }
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("negative count " + c);
      }
    }
    return nonEmptyOf(spec, counts, 0, counts.length, firstSlot);
  }

  /**
   * The non-empty slots of dense[from, to), where dense[i] counts slot i + slotOffset; the caller
   * has checked the slots are within the spec and the counts are not negative.
   */
  static Histogram nonEmptyOf(HistogramSpec spec, long[] dense, int from, int to,
      int slotOffset) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += dense[i] != 0 ? 1 : 0;
    }
    int[] slots = new int[n];
    long[] counts = new long[n];
    long total = 0;
    int j = 0;
    for (int i = from; i < to && j < n; i++) {
      if (dense[i] != 0) {
        slots[j] = i + slotOffset;
        counts[j++] = dense[i];
        total = Math.addExact(total, dense[i]);
      }
    }
    return new Histogram(spec, slots, counts, total);
  }

  /**
   * From non-empty slots (strictly ascending, within the spec) and their counts (each > 0); the
   * arrays are copied.
   */
  public static Histogram ofNonEmpty(HistogramSpec spec, int[] slots, long[] counts) {
    Objects.requireNonNull(spec, "spec");
    int[] s = slots.clone();
    long[] c = counts.clone();
    return new Histogram(spec, s, c, totalOfNonEmpty(spec, s, c));
  }

  /**
   * The total of counts of non-empty slots; throws unless the slots strictly ascend within the
   * spec and every count is positive.
   */
  public static long totalOfNonEmpty(HistogramSpec spec, int[] slots, long[] counts) {
    if (slots.length != counts.length) {
      throw new IllegalArgumentException(slots.length + " slots for " + counts.length + " counts");
    }
    long total = 0;
    for (int i = 0; i < slots.length; i++) {
      if (counts[i] <= 0 || (i > 0 && slots[i] <= slots[i - 1]) || slots[i] < 0
          || slots[i] >= spec.slots()) {
        throw new IllegalArgumentException("slots must increase within 0.." + spec.slots()
            + " with positive counts, got " + Arrays.toString(slots) + " / "
            + Arrays.toString(counts));
      }
      total = Math.addExact(total, counts[i]);
    }
    return total;
  }

  /** The bin layout. */
  public HistogramSpec spec() {
    return spec;
  }

  /** The first non-empty slot (0 when empty). */
  public int firstSlot() {
    return slots.length == 0 ? 0 : slots[0];
  }

  /** One past the last non-empty slot (0 when empty). */
  public int endSlot() {
    return slots.length == 0 ? 0 : slots[slots.length - 1] + 1;
  }

  /**
   * The counts of slots firstSlot() .. endSlot()−1, first and last non-zero: a dense array built
   * on demand, thousands of slots long for a two-signed tensor in log bins.
   */
  public long[] counts() {
    long[] dense = new long[endSlot() - firstSlot()];
    for (int i = 0; i < slots.length; i++) {
      dense[slots[i] - slots[0]] = counts[i];
    }
    return dense;
  }

  /** The non-empty slots, ascending (a copy). */
  public int[] nonEmptySlots() {
    return slots.clone();
  }

  /** The counts of {@link #nonEmptySlots()}, each > 0 (a copy). */
  public long[] nonEmptyCounts() {
    return counts.clone();
  }

  /** The count of any slot. */
  public long count(int slot) {
    int i = Arrays.binarySearch(slots, slot);
    return i >= 0 ? counts[i] : 0;
  }

  /** The total count. */
  public long total() {
    return total;
  }

  /** Counts added slot by slot; throws if the specs differ, as the bins would not line up. */
  public Histogram merge(Histogram other) {
    if (!spec.equals(other.spec)) {
      throw new IllegalArgumentException(
          "cannot merge histograms with different specs: " + spec + " vs " + other.spec);
    }
    if (other.total == 0) {
      return this;
    }
    if (total == 0) {
      return other;
    }
    int[] s = new int[slots.length + other.slots.length];
    long[] c = new long[s.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < slots.length || j < other.slots.length) {
      int a = i < slots.length ? slots[i] : Integer.MAX_VALUE;
      int b = j < other.slots.length ? other.slots[j] : Integer.MAX_VALUE;
      s[n] = Math.min(a, b);
      c[n++] = Math.addExact(a <= b ? counts[i++] : 0, b <= a ? other.counts[j++] : 0);
    }
    return new Histogram(spec, Arrays.copyOf(s, n), Arrays.copyOf(c, n),
        Math.addExact(total, other.total));
  }

  /**
   * count/(total·width) on the spec's axis, as count·(bins per unit)/total so that exact
   * densities print exactly (0.09375, not 0.09375000000000003 from a width of 0.6 − 0.5); NaN
   * for slots other than regular bins (no finite width) or when empty.
   */
  public double density(int slot) {
    return spec.slotKind(slot).equals("bin") && total > 0
        ? count(slot) * spec.binsPerAxisUnit() / total : Double.NaN;
  }

  /** Every slot from the first to the last non-empty one, empty ones included, as output rows. */
  public List<HistogramBin> bins() {
    List<HistogramBin> rows = new ArrayList<>();
    int i = 0;
    for (int slot = firstSlot(); slot < endSlot(); slot++) {
      long c = slots[i] == slot ? counts[i++] : 0;
      rows.add(new HistogramBin(slot, spec.slotKind(slot), spec.slotSign(slot),
          spec.lowerEdge(slot), spec.upperEdge(slot), c, density(slot)));
    }
    return rows;
  }

  /**
   * The p-quantile estimated from the counts alone (see the class comment for the bound); null
   * where there is no estimate.
   */
  public ScaledDouble quantile(double p) {
    return quantile(p, null, null);
  }

  /**
   * The p-quantile, with every slot first clamped to [min, max] of the data (null for unknown):
   * tighter, and usable for the unbounded under/overflow and tiny/huge slots.
   */
  public ScaledDouble quantile(double p, ScaledDouble min, ScaledDouble max) {
    return quantiles(new double[] {p}, min, max)[0];
  }

  /**
   * {@link #quantile(double, ScaledDouble, ScaledDouble)} at every p, in one walk over the
   * non-empty slots (a record asks for seven quantiles, each between two order statistics).
   */
  public ScaledDouble[] quantiles(double[] ps, ScaledDouble min, ScaledDouble max) {
    for (double p : ps) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("p must be in [0, 1], got " + p);
      }
    }
    if (total == 0) {
      throw new IllegalStateException("quantile of an empty histogram");
    }
    // rank r = p·(N − 1) lies between the order statistics ⌊r⌋ and ⌊r⌋ + 1.
    long[] ks = new long[2 * ps.length];
    for (int j = 0; j < ps.length; j++) {
      long k0 = (long) Math.floor(ps[j] * (total - 1));
      ks[2 * j] = k0;
      ks[2 * j + 1] = Math.min(k0 + 1, total - 1);
    }
    long[] sorted = Arrays.stream(ks).sorted().distinct().toArray();
    ScaledDouble[] stats = orderStatistics(sorted, min, max);
    ScaledDouble[] q = new ScaledDouble[ps.length];
    for (int j = 0; j < ps.length; j++) {
      double rank = ps[j] * (total - 1);
      long k0 = ks[2 * j];
      double f = rank - k0;
      ScaledDouble lower = stats[Arrays.binarySearch(sorted, k0)];
      ScaledDouble upper = f == 0 || k0 + 1 >= total ? lower
          : stats[Arrays.binarySearch(sorted, ks[2 * j + 1])];
      q[j] = lower == null || upper == null ? null
          : upper == lower ? lower : ScaledDouble.lerp(lower, upper, f);
    }
    return q;
  }

  /**
   * The estimates of the k-th smallest values (0-based, ascending ks), each at its mid-rank
   * within the slot that holds it.
   */
  private ScaledDouble[] orderStatistics(long[] ks, ScaledDouble min, ScaledDouble max) {
    ScaledDouble[] out = new ScaledDouble[ks.length];
    long before = 0;
    int i = 0;
    for (int j = 0; j < ks.length; j++) {
      long k = ks[j];
      while (before + counts[i] <= k) {
        before += counts[i++];
      }
      int slot = slots[i];
      ScaledDouble a = clamp(spec.slotStart(slot), min, min, max);
      ScaledDouble b = clamp(spec.slotEnd(slot), max, min, max);
      if (a == null || b == null) {
        // Unbounded slot and no data bound: the finite edge is the best estimate available.
        out[j] = a == null ? b : a;
      } else {
        out[j] = spec.interpolate(a, b, (k - before + 0.5) / counts[i]);
      }
    }
    return out;
  }

  /** x clamped to [min, max]; an unbounded end (null) becomes the bound on its side. */
  private static ScaledDouble clamp(ScaledDouble x, ScaledDouble ifNull, ScaledDouble min,
      ScaledDouble max) {
    if (x == null) {
      return ifNull;
    }
    if (min != null) {
      x = ScaledDouble.max(x, min);
    }
    if (max != null) {
      x = ScaledDouble.min(x, max);
    }
    return x;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h && spec.equals(h.spec) && Arrays.equals(slots, h.slots)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, Arrays.hashCode(slots), Arrays.hashCode(counts));
  }

  /** The spec, the total and the occupied slot range. */
  @Override
  public String toString() {
    return "Histogram[" + spec + ", total=" + total
        + (total == 0 ? "" : ", slots " + firstSlot() + ".." + (endSlot() - 1) + " ("
            + slots.length + " non-empty)")
        + "]";
  }
}
