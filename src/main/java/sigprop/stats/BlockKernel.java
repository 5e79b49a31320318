package sigprop.stats;

/**
 * The per-value work of {@link SiteAccumulator}, one block (at most {@link #BLOCK} values) at a
 * time; implementations give identical counts and bits ({@link BlockKernels#best()} picks one).
 */
interface BlockKernel {
  /** The most values per block. */
  int BLOCK = 1024;

  /**
   * Adds the log-bin slot of every finite value of a[from, to) (true value a[i]·2^log2Scale) to
   * {@code counts} and summarizes the block into {@code out}; |v| &gt; t90 (t99) counts as
   * saturated.
   */
  void classifyLog(LogBins bins, double[] a, int from, int to, int log2Scale, double t90,
      double t99, long[] counts, BlockSummary out);

  /** As {@link #classifyLog} with linear bins. */
  void classifyLinear(LinearBins bins, double[] a, int from, int to, int log2Scale, double t90,
      double t99, long[] counts, BlockSummary out);

  /**
   * {Σd, Σd², Σ|x|} into {@code sums} over the finite-only block a[from, to), x = a[i]·f,
   * d = x − shift, summed in four interleaved chains (i mod 4) joined as (0 + 1) + (2 + 3).
   */
  void shiftedSums(double[] a, int from, int to, double f, double shift, double[] sums);

  /** A short name for logs. */
  String name();
}
