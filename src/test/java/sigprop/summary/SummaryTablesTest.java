package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.report.Column;
import sigprop.report.CsvReader;
import sigprop.report.CsvWriter;
import sigprop.report.Table;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;

/** The summary tables read back exactly, their schema, the writer's refusals, the figures. */
class SummaryTablesTest {
  static final List<Column> PARAMETERS = List.of(Column.longs("depth"), Column.string("widths"),
      Column.string("init"), Column.doubles("norm_eps"));
  static final CurveFacets.Rule FACETS =
      CurveFacets.Rule.auto(PARAMETERS.stream().map(Column::name).toList());

  @TempDir Path folder;

  static Configuration config(int index, String label, String widths) {
    return new Configuration("sweep", "exp", "id" + index, index, label, 3,
        Arrays.asList(3L, widths, "normal(std=1.0)", 1e-5), new StatusCounts(3, 2, 0, 1));
  }

  /** Awkward doubles: thirds, −0, subnormals, huge, ±∞ and NaN (missing). */
  static SeedStatistics statistics(int i) {
    double[] awkward = {1.0 / 3, -0.0, Double.MIN_VALUE, -1.7976931348623157e308, 1e-300,
        Double.POSITIVE_INFINITY, Double.NaN, 0.1 + 0.2};
    return new SeedStatistics(2, awkward[i % awkward.length], awkward[(i + 1) % awkward.length],
        awkward[(i + 2) % awkward.length], awkward[(i + 3) % awkward.length]);
  }

  static List<LayerRow> rows() {
    List<LayerRow> rows = new ArrayList<>();
    Configuration[] configs = {config(0, "widths=[50 30]", "[50,30]"),
        config(1, "widths=null", null)};
    for (Configuration c : configs) {
      for (int layer = 1; layer <= 4; layer++) {
        for (String site : List.of("output", "output_gradient")) {
          List<SeedStatistics> stats = new ArrayList<>();
          for (int i = 0; i < LayerStatistic.ALL.size(); i++) {
            stats.add(statistics(i + layer));
          }
          stats.set(LayerStatistic.LOG10_VARIANCE.ordinal(),
              new SeedStatistics(2, -layer * (c.index() + 1), 0.5, -layer - 1, -layer + 1));
          stats.set(LayerStatistic.FRAC_SAT90.ordinal(),
              new SeedStatistics(2, 0.1 * layer, 0.05, 0, 0.2 * layer));
          boolean output = site.equals("output");
          SparseHistogram h = output
              ? new SparseHistogram(new LinearBins(-1, 1, 200), new int[] {1, 100, 200},
                  new long[] {5, 7, 3})
              : new SparseHistogram(LogBins.DEFAULT, new int[] {3000, 8002, 12000},
                  new long[] {2, 1, 4});
          PooledRecord pooled = c.index() == 1 && layer == 2 ? null
              : layer == 3 ? new PooledRecord(h.total(), 0.0, 0.0, -800, h) // values ~1e-400
              : new PooledRecord(h.total(), 0.25, 1e-310, -310, h);
          TheoryColumns theory = new TheoryColumns(Double.NaN, 0.5, Math.log10(0.5),
              Double.NaN, 0.3, 0.1);
          rows.add(new LayerRow(c, new LayerKey("sweep", c.configId(), 0, layer, layer == 4,
              site), new LayerSummary(3, pooled == null ? 0 : 2, stats, pooled), theory));
        }
      }
    }
    rows.sort(LayerRow.ORDER);
    return rows;
  }

  static List<SummaryTable> tables(List<LayerRow> rows) {
    Map<String, Configuration> configs = new HashMap<>();
    rows.forEach(r -> configs.put(SourceTable.key("sweep", r.config().configId()), r.config()));
    List<Column> cellColumns = List.of(Column.string("sweep"), Column.string("experiment"),
        Column.string("cell_id"), Column.string("config_id"), Column.longs("seed"),
        Column.string("status"), Column.string("message"), Column.doubles("initial_loss"));
    // A message reads back exactly unless it has line breaks or double quotes, which a CSV writes
    // as " | " and ' (CsvRoundTripTest).
    List<Object[]> cells = List.of(
        new Object[] {"sweep", "exp", "c1", "id1", 1L, "failed", "boom, 'quoted' | line", 2.5},
        new Object[] {"sweep", "exp", "c0", "id0", 0L, "ok", "", Double.NaN},
        new Object[] {"sweep", "exp", "cx", "unknown", 0L, "ok", "", 1.0});
    return List.of(LayerStatisticsTable.build(rows, PARAMETERS), HistogramTable.build(rows),
        SourceTable.build("cells", "cell", cellColumns, cells, configs, List.of("seed"),
            SourceDescriptions.cells(List.of())));
  }

  /** The histograms written piece by piece are the file the whole table writes, byte for byte. */
  @Test
  void streamedHistogramsWriteTheSameFile() throws IOException {
    List<LayerRow> rows = rows();
    SummaryTable whole = HistogramTable.build(rows);
    SummaryTable streamed = HistogramTable.streamed(rows);
    assertEquals(0, streamed.table().rowCount(), "columns only");
    Path a = CsvWriter.write(whole.table(), folder.resolve("whole.csv"));
    Path b = CsvWriter.write(streamed.table().columns(), streamed.parts().get(),
        folder.resolve("streamed.csv"), sigprop.report.IfExists.FAIL);
    assertTrue(whole.table().rowCount() > 10);
    assertEquals(Files.readString(a), Files.readString(b));
  }

  @Test
  void csvFilesReadBackExactly() throws IOException {
    List<SummaryTable> tables = tables(rows());
    SummaryWriter.write(folder, tables, List.of(), FACETS, LayerSelection.ALL, false, false);
    for (SummaryTable t : tables) {
      Table back = CsvReader.read(folder.resolve(t.fileName()), t.table().columns());
      assertEquals(t.table(), back, t.fileName());
    }
    Table layers = tables.get(0).table();
    assertEquals(16, layers.rowCount());
    // Sorted by configuration, site, layer: row 9 is configuration 1, output, layer 2.
    assertEquals(2, layers.getLong(9, layers.columnIndex("layer")));
    assertTrue(layers.isMissing(9, layers.columnIndex("pooled_count")), "no seed was used");
    assertTrue(layers.isMissing(0, layers.columnIndex("pooled_variance")),
        "1e-310 is not given as a variance: see pooled_log10_variance");
    for (int r = 0; r < layers.rowCount(); r++) {
      long layer = layers.getLong(r, layers.columnIndex("layer"));
      if (layer == 3) {
        assertTrue(layers.isMissing(r, layers.columnIndex("pooled_mean")),
            "a mean that underflowed to 0 is not a mean of 0");
      } else if (layer == 1) {
        assertEquals(0.25, layers.getDouble(r, layers.columnIndex("pooled_mean")));
      }
    }
    Table cells = tables.get(2).table();
    assertEquals(2, cells.rowCount(), "cells of unknown configurations are left out");
    assertEquals("c0", cells.getString(0, cells.columnIndex("cell_id")));
    String csv = Files.readString(folder.resolve("histograms.csv"));
    assertTrue(csv.contains(",log10|value|,"));
    assertFalse(csv.contains("\r"));
  }

  @Test
  void histogramRowsSumToTheTotal() {
    Table h = tables(rows()).get(1).table();
    long sum = 0;
    for (int i = 0; i < h.rowCount(); i++) {
      if (h.getString(i, h.columnIndex("config_id")).equals("id0")
          && h.getLong(i, h.columnIndex("layer")) == 1
          && h.getString(i, h.columnIndex("site")).equals("output_gradient")) {
        sum += h.getLong(i, h.columnIndex("count"));
        assertEquals(7, h.getLong(i, h.columnIndex("total")));
      }
    }
    assertEquals(7, sum);
  }

  @Test
  void schemaNamesEveryColumn() throws IOException {
    List<SummaryTable> tables = tables(rows());
    SummaryWriter.write(folder, tables, List.of(), FACETS, LayerSelection.ALL, false, false);
    String schema = Files.readString(folder.resolve(SummaryWriter.SCHEMA_FILE));
    for (SummaryTable t : tables) {
      for (Column c : t.table().columns()) {
        assertTrue(schema.contains("| `" + c.name() + "` |"), c.name());
      }
    }
    // TRUE/FALSE, read as logical by R and bool by pandas: typed so, not as strings.
    assertTrue(schema.contains("| `is_head` | boolean | TRUE for the output head"), schema);
    assertFalse(schema.contains("| `is_head` | string"), schema);
  }

  @Test
  void existingSummaryIsKeptUnlessOverwriting() throws IOException {
    List<LayerRow> rows = rows();
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, false);
    assertThrows(FileAlreadyExistsException.class,
        () -> SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false,
            false));
    Path stale = Files.createDirectories(folder.resolve("figures")).resolve("old.png");
    Files.write(stale, new byte[] {1});
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, true);
    assertFalse(Files.exists(stale), "figures of an earlier run are removed on overwrite");
  }

  /** provenance.json belongs to the summary: never replaced without --overwrite. */
  @Test
  void provenanceJsonIsKeptUnlessOverwriting() throws IOException {
    List<LayerRow> rows = rows();
    SummaryProvenance p = SummaryProvenanceTest.provenance();
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, false, p);
    Path json = folder.resolve(SummaryWriter.PROVENANCE_FILE);
    assertEquals(ProvenanceJson.render(p), Files.readString(json));
    // A folder left with only the JSON (the rest deleted) still refuses to take another's.
    for (SummaryTable t : tables(rows)) {
      Files.delete(folder.resolve(t.fileName()));
    }
    Files.delete(folder.resolve(SummaryWriter.SCHEMA_FILE));
    var e = assertThrows(FileAlreadyExistsException.class,
        () -> SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false,
            false, p));
    assertEquals(json.toString(), e.getFile());
    assertFalse(Files.exists(folder.resolve("layers.csv")), "refused before writing anything");
    SummaryProvenance later = new SummaryProvenance(p.command(), p.sites(), p.layers(),
        p.histogramLayers(), false, p.facet(), p.configurations(), p.tableLayers(),
        p.histogramTableLayers(), p.sources(), p.build(), "2026-12-09T00:00:00Z");
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, true,
        later);
    assertEquals(ProvenanceJson.render(later), Files.readString(json));
  }

  @Test
  void overwritingIntoAFolderThatHeldNoSummaryKeepsItsFigures() throws IOException {
    List<LayerRow> rows = rows();
    Path mine = Files.createDirectories(folder.resolve("figures")).resolve("my-plot.png");
    Files.write(mine, new byte[] {1});
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, true);
    assertTrue(Files.exists(mine), "--out at the user's folder: its figures/ is the user's");
  }

  @Test
  void aFolderOfTheUsersOwnIsNotCalledASummary() throws IOException {
    Files.createDirectories(folder.resolve("figures"));
    var e = assertThrows(FileAlreadyExistsException.class,
        () -> SummaryWriter.refuseExisting(folder));
    assertTrue(e.getMessage().contains("this folder holds no summary; choose another --out"),
        e.getMessage());
    List<LayerRow> rows = rows();
    SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, false, true);
    e = assertThrows(FileAlreadyExistsException.class,
        () -> SummaryWriter.refuseExisting(folder));
    assertTrue(e.getMessage().contains("a summary exists; pass --overwrite"), e.getMessage());
  }

  @Test
  void figuresHaveTheirSize() throws IOException {
    List<LayerRow> rows = rows();
    List<Path> files =
        SummaryWriter.write(folder, tables(rows), rows, FACETS, LayerSelection.ALL, true, false);
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    for (String name : List.of("exp-variance-output.png", "exp-variance-output_gradient.svg",
        "exp-saturation.png", "exp-hist-output-c0-widths_50_30.png",
        "exp-hist-output_gradient-c1-widths_null.svg")) {
      assertTrue(names.contains(name), name + " in " + names);
    }
    for (Path f : files.stream().filter(p -> p.toString().contains("figures")).toList()) {
      assertTrue(Files.size(f) > 3000, f.toString());
      if (f.toString().endsWith(".png")) {
        BufferedImage image = ImageIO.read(f.toFile());
        if (!f.toString().contains("-hist-")) {
          assertEquals(SummaryFigures.CURVES.width(), image.getWidth());
          assertEquals(SummaryFigures.CURVES.height(), image.getHeight());
        } else { // 800 × 500, grown where a long title and legend need it (FigureTest)
          assertTrue(image.getWidth() >= 800 && image.getWidth() < 1200, f.toString());
          assertEquals(500, image.getHeight());
        }
      }
    }
  }
}
