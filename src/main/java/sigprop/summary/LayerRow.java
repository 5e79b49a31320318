package sigprop.summary;

import java.util.Comparator;
import java.util.Objects;
import sigprop.net.Site;

/** One row of the layer-statistics table: where, which configuration, measured, predicted. */
public record LayerRow(Configuration config, LayerKey key, LayerSummary summary,
    TheoryColumns theory) {

  /**
   * Table order: configuration, step, site (in {@link Site} order), layer; so each curve of a
   * configuration, step and site is one run of consecutive rows.
   */
  public static final Comparator<LayerRow> ORDER = Comparator
      .comparingInt((LayerRow r) -> r.config().index())
      .thenComparingInt(r -> r.key().step())
      .thenComparingInt(r -> siteOrder(r.key().site()))
      .thenComparing(r -> r.key().site())
      .thenComparingInt(r -> r.key().layer());

  /** Checks every part is given. */
  public LayerRow {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(theory, "theory");
  }

  /** The same row with these theory columns. */
  public LayerRow withTheory(TheoryColumns columns) {
    return new LayerRow(config, key, summary, columns);
  }

  private static int siteOrder(String site) {
    for (Site s : Site.values()) {
      if (s.key().equals(site)) {
        return s.ordinal();
      }
    }
    return Site.values().length;
  }
}
