package sigprop.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Writes a {@link Table} as one plain CSV file: a header row of column names in table order, then
 * one line per row; UTF-8 without BOM, {@code '\n'} line ends, a field quoted only where it holds
 * a comma (and for the empty string, to keep it apart from missing). A string's line breaks and
 * tabs are written as {@code " | "}, so every row is one physical line, as gnuplot and line-based
 * tools need, and its double quotes as single ones, which gnuplot cannot misread (the Parquet
 * keeps the text as it was).
 *
 * <p>Numbers are locale-independent. Longs are plain decimal. Doubles are the shortest decimal
 * that reads back bit-exact, in {@link Double#toString(double)}'s layout as of JDK 19
 * ({@code 0.25}, {@code 2.0E23}, {@code 1.0E-5}, {@code -0.0}, {@code 4.9E-324}), so the bytes do
 * not depend on the JDK. gnuplot, R's read.csv, pandas and spreadsheets read these forms. Any
 * missing value (NaN, a missing long, a {@code null} string) is an empty field; {@code ±Infinity}
 * is {@code inf}/{@code -inf}, which gnuplot, R and pandas read as infinities (LibreOffice Calc
 * reads them as text, which SUM and AVERAGE skip).
 */
public final class CsvWriter {
  private CsvWriter() {}

  /** Writes the table to a new file; refuses to replace an existing one. */
  public static Path write(Table table, Path file) throws IOException {
    return write(table, file, IfExists.FAIL);
  }

  /** Writes the table atomically (temporary file, then rename) and returns the absolute path. */
  public static Path write(Table table, Path file, IfExists ifExists) throws IOException {
    return AtomicFiles.write(file, ifExists, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      write(table, writer);
      writer.flush();
    });
  }

  /** The table's CSV text, for small tables and tests. */
  public static String toCsv(Table table) {
    StringWriter text = new StringWriter();
    try {
      write(table, text);
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
    return text.toString();
  }

  /**
   * Writes tables of the same columns one after the other as one CSV file, atomically, each part
   * built only when its turn comes: a table too large to hold at once (a summary's histograms of
   * 500-layer nets) streams through in small pieces.
   */
  public static Path write(List<Column> columns, Iterator<Table> parts, Path file,
      IfExists ifExists) throws IOException {
    return AtomicFiles.write(file, ifExists, out -> {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writeHeader(columns, writer);
      while (parts.hasNext()) {
        Table part = parts.next();
        if (!part.columns().equals(columns)) {
          throw new IllegalArgumentException("a part's columns " + part.columnNames()
              + " differ from the file's");
        }
        writeRows(part, writer);
      }
      writer.flush();
    });
  }

  /** Writes the CSV text to a writer the caller owns (it is not closed or flushed). */
  public static void write(Table table, Writer out) throws IOException {
    writeHeader(table.columns(), out);
    writeRows(table, out);
  }

  private static void writeHeader(List<Column> columns, Writer out) throws IOException {
    out.write(String.join(String.valueOf(CsvFormat.SEPARATOR),
        columns.stream().map(Column::name).toList()));
    out.write('\n');
  }

  private static void writeRows(Table table, Writer out) throws IOException {
    int columns = table.columns().size();
    for (int row = 0; row < table.rowCount(); row++) {
      for (int column = 0; column < columns; column++) {
        if (column > 0) {
          out.write(CsvFormat.SEPARATOR);
        }
        out.write(field(table, row, column));
      }
      out.write('\n');
    }
  }

  private static String field(Table table, int row, int column) {
    if (table.isMissing(row, column)) {
      return "";
    }
    return switch (table.columns().get(column).type()) {
      case STRING -> CsvFormat.formatString(table.getString(row, column));
      case BOOLEAN -> CsvBoolean.of(table.getBoolean(row, column));
      case LONG -> Long.toString(table.getLong(row, column));
      case DOUBLE -> CsvFormat.formatDouble(table.getDouble(row, column));
    };
  }
}
