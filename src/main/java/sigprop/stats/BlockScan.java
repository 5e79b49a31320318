package sigprop.stats;

/**
 * What {@link BlockKernel#scan} finds in one block: the extremes and the counters that need no
 * histogram. A mutable holder reused block after block, so the hot path allocates nothing.
 */
final class BlockScan {
  /** The smallest and largest value (a zero extreme is +0); meaningful when nonFinite is 0. */
  double min;
  double max;
  /** NaN and ±∞. */
  long nonFinite;
  /** Nonzero values below Double.MIN_NORMAL in magnitude (binned by the slow exact path). */
  long subnormals;
  /** ±0. */
  long zeros;
  /** |v| &gt; t90 and |v| &gt; t99. */
  long saturated90;
  long saturated99;

  /** Empty: extremes at ±∞ (so any value replaces them), every count 0. */
  void clear() {
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
    nonFinite = 0;
    subnormals = 0;
    zeros = 0;
    saturated90 = 0;
    saturated99 = 0;
  }
}
