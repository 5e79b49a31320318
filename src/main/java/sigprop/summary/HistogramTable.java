package sigprop.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sigprop.report.CsvBoolean;
import sigprop.report.Table;
import sigprop.report.TableSchema;
import sigprop.stats.HistogramBin;

/**
 * The {@code histograms} summary table: per configuration, step, layer and site, the histogram
 * of every used seed's values summed exactly, one row per bin ({@link SparseHistogram#rows()}).
 */
public final class HistogramTable {
  /** The table's name and CSV stem. */
  public static final String NAME = "histograms";

  private HistogramTable() {}

  /** The table of the pooled histograms of the rows, in the order given, held whole. */
  public static SummaryTable build(List<LayerRow> rows) {
    Table.Builder table = builder();
    rows.forEach(row -> addRows(table, row));
    Table built = table.build();
    return new SummaryTable(built, schema(built));
  }

  /**
   * The same table, its rows made one histogram at a time as the file is written: at one row
   * per bin, a summary of 500-layer nets holds millions of them (1.2 GB of CSV for 16
   * configurations), which held whole ran a 4 GiB heap out of memory.
   */
  public static SummaryTable streamed(List<LayerRow> rows) {
    Table header = builder().build();
    return new SummaryTable(header, schema(header), () -> rows.stream()
        .map(row -> {
          Table.Builder part = builder();
          addRows(part, row);
          return part.build();
        }).iterator());
  }

  private static Table.Builder builder() {
    Table.Builder table = Table.builder();
    IdentityColumns.add(table, List.of());
    table.longColumn("step").longColumn("layer").booleanColumn("is_head").stringColumn("site")
        .longColumn("n_used").longColumn("total").stringColumn("axis").longColumn("slot")
        .stringColumn("kind").longColumn("sign").doubleColumn("bin_lo").doubleColumn("bin_hi")
        .longColumn("count").doubleColumn("density");
    return table;
  }

  private static TableSchema schema(Table table) {
    return TableSchema.of(NAME, "configuration, step, layer, site and histogram bin: the bin's"
        + " count summed exactly over the used (ok) seeds", table, descriptions());
  }

  /** One row per bin of the row's pooled histogram; none without one. */
  private static void addRows(Table.Builder table, LayerRow row) {
    PooledRecord pooled = row.summary().pooled();
    if (pooled == null) {
      return;
    }
    SparseHistogram h = pooled.histogram();
    String axis = h.spec().axis();
    long total = h.total();
    for (HistogramBin bin : h.rows()) {
      List<Object> v = new ArrayList<>();
      IdentityColumns.values(v, row.config(), List.of());
      LayerKey key = row.key();
      v.add((long) key.step());
      v.add((long) key.layer());
      v.add(CsvBoolean.of(key.head()));
      v.add(key.site());
      v.add((long) row.summary().nUsed());
      v.add(total);
      v.add(axis);
      v.add((long) bin.slot());
      v.add(bin.kind());
      v.add((long) bin.sign());
      v.add(bin.lower());
      v.add(bin.upper());
      v.add(bin.count());
      v.add(bin.density());
      table.addRow(v.toArray());
    }
  }

  private static Map<String, String> descriptions() {
    Map<String, String> d = IdentityColumns.descriptions(List.of());
    d.put("step", "training steps taken before the recording (0 = at initialization)");
    d.put("layer", "the layer: 1..L hidden, L+1 the output head");
    d.put("is_head", "TRUE for the output head (layer L+1), else FALSE");
    d.put("site", "the recorded tensor (as in layers.csv)");
    d.put("n_used", "ok cells whose histograms were summed");
    d.put("total", "finite values counted over all those cells (the sum of count over the"
        + " histogram's slots, including those not written)");
    d.put("axis", "what bin_lo and bin_hi measure: 'value' (linear bins of a bounded site, e.g."
        + " tanh outputs over [-1, 1], or of a site given its own range in"
        + " record.histogram.sites) or 'log10|value|' (signed log-magnitude bins: magnitudes,"
        + " with sign giving the side)");
    d.put("slot", "the slot number in the bin layout, increasing with value");
    d.put("kind", "bin (a regular bin), underflow/overflow (values beyond the linear bins'"
        + " range, counted), tiny/huge"
        + " (beyond the log bins' decades) or zero (exact zeros, log bins)");
    d.put("sign", "-1 negative side, +1 positive side of log bins; 0 for zero and linear bins");
    d.put("bin_lo", "the bin's lower edge on the axis (for log bins the smaller magnitude);"
        + " -inf/inf for open slots; empty for the zero slot");
    d.put("bin_hi", "the bin's upper edge on the axis (for log bins the larger magnitude)");
    d.put("count", "values in the bin over all used seeds, exact. Rows: every non-empty slot"
        + " and each empty bin next to one on the same side, so a line through the bin centres"
        + " falls to zero across gaps; the other empty slots are left out");
    d.put("density", "count/(total·(bin_hi − bin_lo)): per unit value for linear bins, per"
        + " decade of |v| for log bins (both sides together integrate to the fraction of"
        + " nonzero values in range); empty for slots of infinite or no width");
    return d;
  }
}
