package sigprop.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import sigprop.net.Site;

/**
 * The canonical text of a sweep after overrides and defaults: every experiment's resolved fixed
 * settings, record section, axes and seeds, one per line in a fixed order. Comments, formatting,
 * key order outside the grid, aliases and spelled-out defaults do not change it, so its SHA-256
 * identifies what a sweep computes.
 */
final class CanonicalConfig {
  private CanonicalConfig() {}

  /** The canonical text. */
  static String render(String sweep, List<ExperimentConfig> experiments) {
    StringBuilder b = new StringBuilder("sweep: ").append(sweep).append('\n');
    for (ExperimentConfig e : experiments) {
      b.append("experiment: ").append(e.name()).append('\n');
      for (Setting s : Setting.values()) {
        boolean varied = e.axes().stream().anyMatch(a -> a.setting() == s);
        if (!varied) {
          b.append("  ").append(s.axis()).append(": ").append(e.fixed().get(s).text())
              .append('\n');
        }
      }
      RecordSpec r = e.record();
      EnumSet<Site> sites = EnumSet.noneOf(Site.class);
      sites.addAll(r.sites());
      b.append("  record.sites: ").append(CellParameters.list(sites.stream().map(Site::key)
          .toList())).append('\n');
      b.append("  record.steps: ").append(CellParameters.list(r.steps())).append('\n');
      HistogramSettings h = r.histogram();
      b.append("  record.histogram: linear_bins=").append(h.linearBins())
          .append(" range=").append(Double.isNaN(h.linearLo()) ? "null"
              : "[" + h.linearLo() + "," + h.linearHi() + "]")
          .append(" log_bins_per_decade=").append(h.logBinsPerDecade())
          .append(" min_decade=").append(h.minDecade())
          .append(" max_decade=").append(h.maxDecade()).append('\n');
      // Only when a site has its own bins: a config without them keeps its text, so its hash.
      for (Map.Entry<Site, SiteHistogram> site : h.sites().entrySet()) {
        b.append("  record.histogram.sites.").append(site.getKey().key()).append(": ")
            .append(site.getValue().canonical()).append('\n');
      }
      for (AxisConfig a : e.axes()) {
        b.append("  grid.").append(a.setting().axis()).append(":\n");
        for (SettingValue v : a.values()) {
          b.append("    - ").append(v.text()).append('\n');
        }
      }
      b.append("  seeds: ").append(CellParameters.list(e.seeds())).append('\n');
    }
    return b.toString();
  }

  /** SHA-256 of the text, 64 hex digits. */
  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
