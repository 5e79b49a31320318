package sigprop.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sigprop.report.AtomicFiles;
import sigprop.report.CsvWriter;
import sigprop.report.IfExists;
import sigprop.report.SchemaWriter;
import sigprop.report.TableSchema;

/**
 * Writes a summary folder: one CSV per table, {@code schema.md} describing every column,
 * {@code provenance.json} and {@code figures/}. An existing summary is kept unless the caller
 * allows overwriting; then files are replaced atomically, and figures of the earlier run that
 * this run does not draw (all of them without figures) are removed: {@code figures/} of a
 * summary folder belongs to the summarizer, that of any other folder to its owner.
 */
public final class SummaryWriter {
  /** The schema file's name. */
  public static final String SCHEMA_FILE = "schema.md";
  /** The machine-readable account of how the summary was made ({@link ProvenanceJson}). */
  public static final String PROVENANCE_FILE = "provenance.json";
  /** The figures' folder name. */
  public static final String FIGURES = "figures";
  /** The schema file's title. */
  private static final String TITLE = "Summary tables";
  /** Every CSV a summary holds. */
  public static final List<String> TABLES = List.of("layers", "histograms", "cells", "theory");

  private SummaryWriter() {}

  /** Throws if the folder already holds any part of a summary. */
  public static void refuseExisting(Path folder) throws FileAlreadyExistsException {
    List<Path> parts = new ArrayList<>();
    TABLES.forEach(t -> parts.add(folder.resolve(t + ".csv")));
    parts.add(folder.resolve(SCHEMA_FILE));
    parts.add(folder.resolve(PROVENANCE_FILE));
    parts.add(folder.resolve(FIGURES));
    for (Path p : parts) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        // A folder of the user's own that happens to hold such a name is not "a summary".
        throw new FileAlreadyExistsException(p.toString(), null, isSummary(folder)
            ? "a summary exists; pass --overwrite to replace it"
            : "it is in the way and this folder holds no summary; choose another --out, or pass"
                + " --overwrite to replace the summary's names there (other files are kept)");
      }
    }
  }

  /**
   * Writes the tables, their schema and (if rows are given) the figures, their curve figures
   * split by the facet rule, their histogram figures drawn from the histogram layers; returns
   * the files.
   */
  public static List<Path> write(Path folder, List<SummaryTable> tables, List<LayerRow> rows,
      CurveFacets.Rule facets, LayerSelection histogramLayers, boolean figures,
      boolean overwrite) throws IOException {
    return write(folder, tables, rows, facets, histogramLayers, figures, overwrite, null);
  }

  /**
   * The same, with {@code provenance} (how the summary was made; null for none) at the top of
   * schema.md and as provenance.json.
   */
  public static List<Path> write(Path folder, List<SummaryTable> tables, List<LayerRow> rows,
      CurveFacets.Rule facets, LayerSelection histogramLayers, boolean figures,
      boolean overwrite, SummaryProvenance provenance) throws IOException {
    if (!overwrite) {
      refuseExisting(folder);
    }
    // Only a folder that held a summary before has figures of ours to remove; in any other
    // folder (--out at the user's own) figures/ may hold the user's files.
    boolean ours = isSummary(folder);
    IfExists ifExists = overwrite ? IfExists.REPLACE : IfExists.FAIL;
    List<Path> written = new ArrayList<>();
    List<TableSchema> schemas = new ArrayList<>();
    for (SummaryTable t : tables) {
      written.add(t.parts() == null
          ? CsvWriter.write(t.table(), folder.resolve(t.fileName()), ifExists)
          : CsvWriter.write(t.table().columns(), t.parts().get(), folder.resolve(t.fileName()),
              ifExists));
      schemas.add(t.schema());
    }
    written.add(SchemaWriter.write(folder.resolve(SCHEMA_FILE), TITLE,
        provenance == null ? "" : provenance.markdown(), schemas, ifExists));
    if (provenance != null) {
      byte[] json = ProvenanceJson.render(provenance).getBytes(StandardCharsets.UTF_8);
      written.add(AtomicFiles.write(folder.resolve(PROVENANCE_FILE), ifExists,
          out -> out.write(json)));
    }
    Path figureFolder = folder.resolve(FIGURES);
    List<Path> drawn = figures ? SummaryFigures.write(rows, facets,
        histogramLayers, figureFolder, ifExists) : List.of();
    if (overwrite && ours) {
      // Figures of an earlier run would otherwise sit beside tables they no longer match.
      removeStale(figureFolder, drawn);
    }
    written.addAll(drawn);
    return written;
  }

  /** Whether the folder holds a summary's schema file, the mark of a summary folder. */
  private static boolean isSummary(Path folder) {
    Path schema = folder.resolve(SCHEMA_FILE);
    if (!Files.isRegularFile(schema)) {
      return false;
    }
    try (BufferedReader r = Files.newBufferedReader(schema)) {
      return ("# " + TITLE).equals(r.readLine());
    } catch (IOException e) {
      return false; // unreadable or not text: not a schema file of ours
    }
  }

  private static void removeStale(Path figureFolder, List<Path> drawn) throws IOException {
    if (!Files.isDirectory(figureFolder)) {
      return;
    }
    List<Path> keep = drawn.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(figureFolder, "*.{png,svg}")) {
      for (Path f : files) {
        if (!keep.contains(f.toAbsolutePath().normalize())) {
          Files.delete(f);
        }
      }
    }
  }
}
