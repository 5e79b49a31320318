package sigprop.experiment;

/** Counts NaN and ±∞ in a tensor at a site that is watched but not summarized. */
final class NonFiniteCount {
  private NonFiniteCount() {}

  /**
   * The count in {@code values[from, from + n)}: first a branch-free pass (v·0 is 0 for every
   * finite v and NaN otherwise, so the sum says whether any is non-finite), then an exact count
   * only in the rare tensor that has one.
   */
  static long of(double[] values, int from, int n) {
    double probe = 0.0;
    for (int i = from; i < from + n; i++) {
      probe += values[i] * 0.0;
    }
    if (probe == 0.0) {
      return 0;
    }
    long count = 0;
    for (int i = from; i < from + n; i++) {
      if (!Double.isFinite(values[i])) {
        count++;
      }
    }
    return count;
  }
}
