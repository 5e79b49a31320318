package sigprop.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import sigprop.stats.Histogram;
import sigprop.stats.HistogramBin;
import sigprop.stats.HistogramSpec;

/**
 * A histogram as its non-empty slots only. A tensor with values of both signs in log bins
 * occupies a few dozen slots but spans thousands (every tiny magnitude of both sides lies between
 * −1 and +1), so this is the form that travels and that the summary tables are built from.
 *
 * @param spec the bin layout
 * @param slots the non-empty slots, increasing
 * @param counts their counts, all positive
 */
public record SparseHistogram(HistogramSpec spec, int[] slots, long[] counts) {

  /** Checks slots increase and counts are positive. */
  public SparseHistogram {
    Objects.requireNonNull(spec, "spec");
    slots = slots.clone();
    counts = counts.clone();
    Histogram.totalOfNonEmpty(spec, slots, counts);
  }

  /** The non-empty slots of a histogram. */
  public static SparseHistogram of(Histogram histogram) {
    return new SparseHistogram(histogram.spec(), histogram.nonEmptySlots(),
        histogram.nonEmptyCounts());
  }

  /** The histogram of these counts. */
  public Histogram toHistogram() {
    return Histogram.ofNonEmpty(spec, slots, counts);
  }

  /** A copy of the slots. */
  @Override
  public int[] slots() {
    return slots.clone();
  }

  /** A copy of the counts. */
  @Override
  public long[] counts() {
    return counts.clone();
  }

  /** The total count. */
  public long total() {
    long total = 0;
    for (long c : counts) {
      total = Math.addExact(total, c);
    }
    return total;
  }

  /**
   * The rows of the histograms table: every non-empty slot, and each empty magnitude or linear
   * bin next to one on the same side, so that a line drawn through bin centres falls to zero
   * across an empty stretch instead of bridging it; the thousands of empty slots beyond are left
   * out. Density = count/(total·width) as {@link Histogram#density}.
   */
  public List<HistogramBin> rows() {
    List<HistogramBin> rows = new ArrayList<>();
    long total = total();
    int previous = Integer.MIN_VALUE;
    for (int i = 0; i < slots.length; i++) {
      int slot = slots[i];
      if (slot - 1 > previous && emptyNeighbour(slot - 1, slot)) {
        rows.add(bin(slot - 1, 0, total));
      }
      rows.add(bin(slot, counts[i], total));
      boolean nextIsAdjacent = i + 1 < slots.length && slots[i + 1] <= slot + 2;
      if (!nextIsAdjacent && emptyNeighbour(slot + 1, slot)) {
        rows.add(bin(slot + 1, 0, total));
      }
      previous = rows.get(rows.size() - 1).slot();
    }
    return rows;
  }

  /** Whether an empty slot beside {@code occupied} belongs in the rows. */
  private boolean emptyNeighbour(int slot, int occupied) {
    return slot >= 0 && slot < spec.slots() && spec.slotKind(slot).equals("bin")
        && spec.slotSign(slot) == spec.slotSign(occupied);
  }

  private HistogramBin bin(int slot, long count, long total) {
    double lower = spec.lowerEdge(slot);
    double upper = spec.upperEdge(slot);
    double width = upper - lower;
    double density = Double.isFinite(width) && width > 0 ? count / (total * width) : Double.NaN;
    return new HistogramBin(slot, spec.slotKind(slot), spec.slotSign(slot), lower, upper, count,
        density);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseHistogram h && spec.equals(h.spec) && Arrays.equals(slots, h.slots)
        && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spec, Arrays.hashCode(slots), Arrays.hashCode(counts));
  }

  @Override
  public String toString() {
    return "SparseHistogram[" + spec + ", " + slots.length + " slots, total=" + total() + "]";
  }
}
