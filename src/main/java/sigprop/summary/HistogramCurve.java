package sigprop.summary;

import java.util.TreeMap;
import sigprop.stats.HistogramSpec;
import sigprop.stats.LinearBins;

/**
 * A pooled histogram as a density curve to draw: linear bins as density per unit value at each
 * bin centre; log bins as the density per decade of |v| with both signs added (the magnitude
 * distribution, the one readable form for gradients spanning hundreds of decades), at each
 * log10|v| bin centre. Every bin from the first to the last non-empty one is a point, so empty
 * bins read as zero; under/overflow, tiny, huge and zero slots have no width and are left out.
 *
 * @param x bin centres: values, or log10|v|
 * @param density the density at each centre
 * @param logMagnitude whether x is log10|v|
 */
public record HistogramCurve(double[] x, double[] density, boolean logMagnitude) {

  /** Copies the arrays, which must be of equal length. */
  public HistogramCurve {
    if (x.length != density.length) {
      throw new IllegalArgumentException(x.length + " centres for " + density.length
          + " densities");
    }
    x = x.clone();
    density = density.clone();
  }

  /** The curve of a histogram; empty arrays when it has no regular bin. */
  public static HistogramCurve of(SparseHistogram histogram) {
    HistogramSpec spec = histogram.spec();
    boolean log = !(spec instanceof LinearBins);
    long total = histogram.total();
    int[] slots = histogram.slots();
    long[] counts = histogram.counts();
    // Keyed by lower edge (magnitude for log bins), so both signs of a magnitude add up.
    TreeMap<Double, long[]> bins = new TreeMap<>();
    TreeMap<Double, Double> upper = new TreeMap<>();
    for (int i = 0; i < slots.length; i++) {
      if (!spec.slotKind(slots[i]).equals("bin")) {
        continue;
      }
      double lo = spec.lowerEdge(slots[i]);
      bins.computeIfAbsent(lo, k -> new long[1])[0] += counts[i];
      upper.put(lo, spec.upperEdge(slots[i]));
    }
    if (bins.isEmpty()) {
      return new HistogramCurve(new double[0], new double[0], log);
    }
    double width = upper.firstEntry().getValue() - bins.firstKey();
    int n = (int) Math.round((bins.lastKey() - bins.firstKey()) / width) + 1;
    double[] x = new double[n];
    double[] density = new double[n];
    for (int j = 0; j < n; j++) {
      double lo = bins.firstKey() + j * width;
      // Edges are computed as lo + j·width, so match the stored edge within rounding.
      Double key = bins.ceilingKey(lo - width / 4);
      long count = key != null && key < lo + width / 4 ? bins.get(key)[0] : 0;
      x[j] = lo + width / 2;
      density[j] = count * spec.binsPerAxisUnit() / total;
    }
    return new HistogramCurve(x, density, log);
  }

  /** A copy of the bin centres. */
  @Override
  public double[] x() {
    return x.clone();
  }

  /** A copy of the densities. */
  @Override
  public double[] density() {
    return density.clone();
  }

  /** Whether there is nothing to draw. */
  public boolean isEmpty() {
    return x.length == 0;
  }
}
