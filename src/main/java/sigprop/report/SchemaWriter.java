package sigprop.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes Markdown that names and explains every column of one or more CSV tables, with the number
 * format they use, so a table can be read without the code that wrote it.
 */
public final class SchemaWriter {
  /** The suffix of a per-table schema file written beside its CSV. */
  public static final String SUFFIX = ".schema.md";

  private static final String FORMAT_NOTE = "Format: comma-separated, UTF-8, header row, `\\n` "
      + "line ends; strings on one line (line breaks and tabs as ` | `, `\"` as `'`), quoted "
      + "only when they hold a comma, and the empty string as `\"\"`. "
      + "Numbers use `.` and, for doubles, Java's shortest exact form (`0.25`, `1.0E-5`); "
      + "an empty field is a missing value (NaN), `inf`/`-inf` are infinities. "
      + "Booleans are `TRUE` or `FALSE` (R reads them as logical, pandas as bool). "
      + "pandas: `pd.read_csv(f, float_precision=\"round_trip\")`; R: `read.csv(f)`; "
      + "gnuplot: `set datafile separator comma; set key autotitle columnhead`.";

  private SchemaWriter() {}

  /** Writes {@code <name>.schema.md} beside {@code <name>.csv}; returns the path written. */
  public static Path writeBeside(Path csvFile, TableSchema schema, IfExists ifExists)
      throws IOException {
    String csvName = csvFile.getFileName().toString();
    String stem = csvName.endsWith(".csv") ? csvName.substring(0, csvName.length() - 4) : csvName;
    Path target = csvFile.resolveSibling(stem + SUFFIX);
    String text = "# " + csvName + "\n\n" + section(schema) + "\n" + FORMAT_NOTE + "\n";
    return write(target, text, ifExists);
  }

  /** Writes one Markdown file (e.g. {@code schema.md}) documenting several tables. */
  public static Path write(Path file, String title, List<TableSchema> schemas, IfExists ifExists)
      throws IOException {
    return write(file, render(title, "", schemas), ifExists);
  }

  /**
   * Writes one Markdown file documenting several tables, with a preamble (Markdown, e.g. how the
   * tables were made) between the title and the tables.
   */
  public static Path write(Path file, String title, String preamble, List<TableSchema> schemas,
      IfExists ifExists) throws IOException {
    return write(file, render(title, preamble, schemas), ifExists);
  }

  /** The Markdown for several tables, each a section headed by its file name. */
  public static String render(String title, List<TableSchema> schemas) {
    return render(title, "", schemas);
  }

  /** The same, with a preamble (Markdown, "" for none) after the title. */
  public static String render(String title, String preamble, List<TableSchema> schemas) {
    StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
    if (!preamble.isEmpty()) {
      text.append(preamble.strip()).append("\n\n## CSV format\n\n");
    }
    text.append(FORMAT_NOTE).append("\n");
    for (TableSchema schema : schemas) {
      text.append("\n## ").append(schema.name()).append(".csv\n\n");
      text.append(section(schema));
    }
    return text.toString();
  }

  private static String section(TableSchema schema) {
    StringBuilder text = new StringBuilder();
    text.append("One row per ").append(oneLine(schema.rowMeaning())).append(".\n\n");
    text.append("| column | type | description |\n| --- | --- | --- |\n");
    for (Column column : schema.columns()) {
      text.append("| `").append(column.name()).append("` | ").append(column.type().key())
          .append(" | ").append(cell(schema.descriptions().get(column.name()))).append(" |\n");
    }
    return text.toString();
  }

  /** A description made safe for a Markdown table cell. */
  private static String cell(String description) {
    return oneLine(description).replace("|", "\\|");
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static Path write(Path target, String text, IfExists ifExists) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return AtomicFiles.write(target, ifExists, out -> out.write(bytes));
  }
}
