package sigprop.experiment;

/**
 * How histograms are binned for a configuration. Bounded sites (outputs of a bounded activation)
 * get {@code linearBins} linear bins over the activation's range ((−1, 1) for tanh, (0, 1) for
 * sigmoid) unless {@code linearLo}/{@code linearHi}
 * are set (not NaN); every other site gets signed log-magnitude bins, {@code logBinsPerDecade}
 * per decade of |v| from 10^minDecade to 10^maxDecade.
 */
public record HistogramSettings(int linearBins, double linearLo, double linearHi,
    int logBinsPerDecade, int minDecade, int maxDecade) {

  /** The most linear bins a config may ask for. */
  public static final int MAX_LINEAR_BINS = 1_000_000;
  /** The most log bins per decade a config may ask for. */
  public static final int MAX_BINS_PER_DECADE = 1_000;
  /** The log bins' decades lie within ±this (values carry a log scale, so beyond double's). */
  public static final int MAX_DECADE = 10_000;

  /** 200 linear bins over the activation's range; 10 log bins per decade over 1e-400..1e400. */
  public static final HistogramSettings DEFAULT =
      new HistogramSettings(200, Double.NaN, Double.NaN, 10, -400, 400);

  public HistogramSettings {
    if (linearBins < 1 || logBinsPerDecade < 1 || minDecade >= maxDecade) {
      throw new IllegalArgumentException("histogram bins must be >= 1 and min_decade < max_decade");
    }
    if (Double.isNaN(linearLo) != Double.isNaN(linearHi)
        || (!Double.isNaN(linearLo) && !(linearLo < linearHi))) {
      throw new IllegalArgumentException("histogram range needs lo < hi, got [" + linearLo + ", "
          + linearHi + "]");
    }
  }

  /** Counters of one histogram at most: every linear or log bin of both signs, zero, tails. */
  public long slots() {
    return linearBins + 2L * (maxDecade - minDecade) * logBinsPerDecade + 3;
  }
}
