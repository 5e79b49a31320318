package sigprop.stats;

/**
 * What classifying one block of values found besides its histogram counts: non-finite values,
 * zeros, saturated values and the extremes of the finite ones; with the kernels' work arrays.
 * Mutable scratch of one accumulator, reused per block.
 */
final class BlockSummary {
  /** Each value's slot (−1 for non-finite values), for kernels that bin in two steps. */
  final double[] slots = new double[BlockKernel.BLOCK];
  /** Each value's {@link FastLog2} log table entry, for kernels that read tables in a pass. */
  final double[] tableLogs = new double[BlockKernel.BLOCK];
  /** Each value's {@link FastLog2} inverse table entry, likewise. */
  final double[] tableInverses = new double[BlockKernel.BLOCK];
  int nonFinite;
  int zeros;
  int saturated90;
  int saturated99;
  /** Subnormal values (kernels that bin them apart). */
  int subnormals;
  /** The smallest finite value (+∞ if none); of equal zeros, the first one's sign. */
  double min;
  /** The largest finite value (−∞ if none); of equal zeros, the first one's sign. */
  double max;
}
