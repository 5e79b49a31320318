package sigprop.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sigprop.net.Site;

/**
 * What a cell records: the sites, the training steps after which to record (0 = at
 * initialization; sorted, distinct), and the histogram binning.
 */
public record RecordSpec(Set<Site> sites, List<Integer> steps, HistogramSettings histogram) {
  /** The last training step a config may record: a million full passes is already days. */
  public static final int MAX_STEP = 1_000_000;

  /** Every site, at initialization. */
  public static final RecordSpec DEFAULT = new RecordSpec(
      Set.of(Site.values()),
      List.of(0), HistogramSettings.DEFAULT);

  public RecordSpec {
    sites = Set.copyOf(sites);
    steps = List.copyOf(steps);
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) < 0 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
        throw new IllegalArgumentException("record steps must be increasing and >= 0, got "
            + steps);
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("record steps must not be empty");
    }
  }

  /**
   * Estimated bytes of the statistics a cell of {@code layers} dense layers keeps: one record per
   * (layer, site, step), each about 1 KiB of moments and quantiles plus its histogram's occupied
   * bins (at most 1024 counters: one tensor's values rarely span more than a few dozen decades,
   * fewer for a site's small layout), and one dense accumulator of every slot per bin layout in
   * use (sites with the same layout share one) while a tensor is being read.
   */
  public long statisticsBytes(int layers) {
    // In double, clamped: a long would wrap for absurd settings and pass the heap check.
    double recordsPerSite = (double) layers * steps.size();
    double bytes = 0;
    Map<String, Long> layouts = new HashMap<>();
    for (Site site : sites) {
      SiteHistogram h = histogram.forSite(site);
      bytes += recordsPerSite * (1024 + 8 * Math.min(h.maxSlots(), 1024));
      layouts.putAll(h.layouts());
    }
    for (long slots : layouts.values()) {
      bytes += 8.0 * slots;
    }
    return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
  }

  /** The last step recorded: how many training steps the cell takes. */
  public int lastStep() {
    return steps.get(steps.size() - 1);
  }
}
