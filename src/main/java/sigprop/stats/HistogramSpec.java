package sigprop.stats;

/**
 * The bin layout of a {@link Histogram}: which counter ("slot") a value goes to. Histograms with
 * equal specs add exactly, so one spec is used for every seed of a configuration.
 *
 * <p>Slots are numbered 0..slots()−1 in increasing value order and cover every finite value: the
 * regular bins plus counters for what lies outside them. A slot is found by arithmetic (a floor),
 * never by searching edges.
 */
public sealed interface HistogramSpec permits LinearBins, LogBins {
  /** Default number of linear bins over [−bound, bound]: width 0.01 for tanh. */
  int DEFAULT_LINEAR_BINS = 200;

  /** Linear bins over [−bound, bound] for a finite bound, else {@link LogBins#DEFAULT}. */
  static HistogramSpec forBound(double bound) {
    return Double.isFinite(bound) && bound > 0
        ? new LinearBins(-bound, bound, DEFAULT_LINEAR_BINS) : LogBins.DEFAULT;
  }

  /** The number of counters. */
  int slots();

  /** The slot of the finite true value value·2^log2Scale. */
  int slotOf(double value, int log2Scale);

  /** What the slot counts: "bin", "underflow", "overflow", "tiny", "huge" or "zero". */
  String slotKind(int slot);

  /** -1 or +1 for the negative or positive side of log bins, 0 for zero and linear slots. */
  int slotSign(int slot);

  /** What {@link #lowerEdge} and {@link #upperEdge} measure: "value" or "log10|value|". */
  String axis();

  /** The slot's lower edge on {@link #axis()} (for log bins: the smaller magnitude). */
  double lowerEdge(int slot);

  /** The slot's upper edge on {@link #axis()} (for log bins: the larger magnitude). */
  double upperEdge(int slot);

  /**
   * Regular bins per unit of {@link #axis()}: 1/width, exact where the layout is (10 per decade,
   * 100 per unit for 200 bins over [−1, 1]), unlike a difference of two rounded edges.
   */
  double binsPerAxisUnit();

  /** The smallest value the slot can hold, or null when unbounded below. */
  ScaledDouble slotStart(int slot);

  /** The largest value the slot can hold, or null when unbounded above. */
  ScaledDouble slotEnd(int slot);

  /**
   * The point at fraction q ∈ [0, 1] from a to b inside one slot: linear in value for linear bins,
   * linear in log10|v| for log bins (the bins' own geometry); null where the slot allows no
   * estimate within the bins' bound (a log-bin slot between 0 and a nonzero end).
   */
  ScaledDouble interpolate(ScaledDouble a, ScaledDouble b, double q);
}
