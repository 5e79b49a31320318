/**
 * Streaming statistics of the tensors a network produces: {@link sigprop.stats.SiteAccumulator}
 * takes each tensor as a double[] plus a power-of-two scale (true value = values·2^log2Scale) and
 * summarizes it as it streams by (three tight loops per L1-resident block, no sorting, no
 * per-value allocation) into a {@link sigprop.stats.SiteRecord}:
 * {@link sigprop.stats.Moments} (count, mean, M2, min, max, Σ|v|, mergeable per Chan et al.),
 * counts of non-finite, zero and saturated values, and a {@link sigprop.stats.Histogram} whose
 * {@link sigprop.stats.HistogramSpec} (linear bins for bounded activations, signed log-magnitude
 * bins for everything else) is the same for every seed, so records pool exactly across seeds.
 *
 * <p>Any magnitude: values of 1e-400 or 1e+400 arrive as finite doubles with a scale; moments are
 * stored normalized with their own scale, log10 getters stay finite, and true-valued getters round
 * to double range (0 or ±∞). {@link sigprop.stats.ScaledDouble} holds single values of any
 * magnitude (quantiles, min, max).
 *
 * <p>Quantile error bounds (from the histogram, numpy/torch "linear" interpolation): ≤ one bin
 * width for linear bins, within a factor 10^(1/binsPerDecade) for log bins; see
 * {@link sigprop.stats.Histogram}.
 *
 * <p>Reproducible: a record depends only on the values and the sequence of calls, bit for
 * bit on any platform (logs come from StrictMath; the kernel uses only exactly rounded
 * arithmetic), so a cell retried on another executor records the same statistics.
 *
 * <p>Imports only the JDK: no network and no Spark types, so records are plain values that any
 * layer can build, test and serialize.
 */
package sigprop.stats;
