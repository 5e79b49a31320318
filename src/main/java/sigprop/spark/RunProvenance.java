package sigprop.spark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import sigprop.experiment.CellStatus;
import sigprop.summary.Configuration;
import sigprop.summary.LayerRow;
import sigprop.summary.StatusCounts;
import sigprop.summary.SummaryProvenance;

/** How a summarize run's summary is made: its options, and per folder what its cells were. */
final class RunProvenance {
  private RunProvenance() {}

  /**
   * The account of a run from its options, the cells summarized (each once), their
   * configurations and the rows written to layers.csv and histograms.csv, and each folder's
   * sweep.json (read with {@code conf}) for whether it was written again; dated now.
   */
  static SummaryProvenance of(SummarizeOptions options, List<Row> cells,
      List<Configuration> configs, List<LayerRow> rows, List<LayerRow> histogramRows,
      org.apache.hadoop.conf.Configuration conf) {
    return new SummaryProvenance(RerunCommand.of(options), options.sites(), options.layers(),
        options.histogramLayers(), options.figures(), options.facet(), configs,
        SummaryProvenance.layersByDepth(rows), SummaryProvenance.layersByDepth(histogramRows),
        sources(options.sweeps(), cells, conf), CodeVersion.get(),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** Each folder's description, gathered over the cells and built once. */
  private static List<SummaryProvenance.Source> sources(List<String> folders, List<Row> cells,
      org.apache.hadoop.conf.Configuration conf) {
    List<SortedSet<String>> sweeps = new ArrayList<>();
    List<SortedSet<String>> configHashes = new ArrayList<>();
    List<SortedSet<String>> codeVersions = new ArrayList<>();
    StatusCounts[] counts = new StatusCounts[folders.size()];
    for (int i = 0; i < folders.size(); i++) {
      sweeps.add(new TreeSet<>());
      configHashes.add(new TreeSet<>());
      codeVersions.add(new TreeSet<>());
      counts[i] = StatusCounts.NONE;
    }
    for (Row r : cells) {
      int i = r.getInt(r.fieldIndex("source"));
      sweeps.get(i).add(r.getString(r.fieldIndex("sweep")));
      configHashes.get(i).add(stringOrUnknown(r, "config_hash"));
      codeVersions.get(i).add(stringOrUnknown(r, "code_version"));
      counts[i] = counts[i].plus(CellStatus.valueOf(
          r.getString(r.fieldIndex("status")).toUpperCase(Locale.ROOT)));
    }
    List<SummaryProvenance.Source> sources = new ArrayList<>();
    for (int i = 0; i < folders.size(); i++) {
      sources.add(new SummaryProvenance.Source(folders.get(i), sweeps.get(i),
          configHashes.get(i), codeVersions.get(i), counts[i],
          Manifest.rebuiltOf(folders.get(i), conf)));
    }
    return sources;
  }

  /** A string column's value; "unknown" where it is null or the layout lacks the column. */
  private static String stringOrUnknown(Row r, String column) {
    if (!List.of(r.schema().fieldNames()).contains(column) || r.isNullAt(r.fieldIndex(column))) {
      return "unknown";
    }
    return r.getString(r.fieldIndex(column));
  }
}
