package sigprop.experiment;

import java.util.Locale;

/** Human-readable byte counts and work, for messages and the grid summary. */
final class Sizes {
  private static final double KIB = 1024.0;
  private static final double MIB = KIB * 1024;
  private static final double GIB = MIB * 1024;

  private Sizes() {}

  /**
   * E.g. {@code 812 B}, {@code 3.5 KiB}, {@code 12.0 MiB}, {@code 4.20 GiB}, {@code 3.10 TiB};
   * Long.MAX_VALUE, where sums saturate, reads {@code at least 8.00 EiB}.
   */
  static String bytes(long bytes) {
    if (bytes < KIB) {
      return bytes + " B";
    } else if (bytes < MIB) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / KIB);
    } else if (bytes < GIB) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
    // Absurd grids reach these: "791737163.03 GiB" is hard to read.
    String[] units = {"GiB", "TiB", "PiB", "EiB"};
    double v = bytes / GIB;
    int u = 0;
    while (v >= KIB && u < units.length - 1) {
      v /= KIB;
      u++;
    }
    String size = String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    return bytes == Long.MAX_VALUE ? "at least " + size : size;
  }

  /** Floating-point operations in GFLOP, e.g. {@code 0.052 GFLOP}. */
  static String gflop(double flops) {
    double g = flops / 1e9;
    return String.format(Locale.ROOT, g >= 100 ? "%.0f GFLOP" : g >= 1 ? "%.2f GFLOP"
        : "%.3g GFLOP", g);
  }
}
