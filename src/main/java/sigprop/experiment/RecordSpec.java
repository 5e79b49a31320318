package sigprop.experiment;

import java.util.List;
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

  /** The last step recorded: how many training steps the cell takes. */
  public int lastStep() {
    return steps.get(steps.size() - 1);
  }
}
