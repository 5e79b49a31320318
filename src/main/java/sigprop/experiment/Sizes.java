package sigprop.experiment;

import java.util.Locale;

/** Human-readable byte counts and work, for messages and the grid summary. */
final class Sizes {
  private static final double KIB = 1024.0;
  private static final double MIB = KIB * 1024;
  private static final double GIB = MIB * 1024;

  private Sizes() {}

  /** E.g. {@code 812 B}, {@code 3.5 KiB}, {@code 12.0 MiB}, {@code 4.20 GiB}. */
  static String bytes(long bytes) {
    if (bytes < KIB) {
      return bytes + " B";
    } else if (bytes < MIB) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / KIB);
    } else if (bytes < GIB) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / GIB);
  }

  /** Floating-point operations in GFLOP, e.g. {@code 0.052 GFLOP}. */
  static String gflop(double flops) {
    double g = flops / 1e9;
    return String.format(Locale.ROOT, g >= 100 ? "%.0f GFLOP" : g >= 1 ? "%.2f GFLOP"
        : "%.3g GFLOP", g);
  }
}
