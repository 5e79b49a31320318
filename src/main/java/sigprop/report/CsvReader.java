package sigprop.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV that {@link CsvWriter} writes (RFC 4180; {@code '\n'} or {@code "\r\n"} line
 * ends), for tests and for round trips. Strict: a stray quote, a short row or a header that differs
 * from the expected columns is an error naming the line.
 */
public final class CsvReader {
  private static final int EOF = -1;

  private CsvReader() {}

  /** Reads a file whose header must list exactly these columns, in this order. */
  public static Table read(Path file, List<Column> columns) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, columns);
    }
  }

  /** Reads CSV text whose header must list exactly these columns, in this order. */
  public static Table read(String text, List<Column> columns) {
    try {
      return read(new StringReader(text), columns);
    } catch (IOException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** Reads CSV from a reader the caller owns; its header must list exactly these columns. */
  public static Table read(Reader reader, List<Column> columns) throws IOException {
    List<List<String>> records = readRecords(reader);
    if (records.isEmpty()) {
      throw new IllegalArgumentException("no header line; expected " + columns);
    }
    List<String> expected = new ArrayList<>();
    columns.forEach(c -> expected.add(c.name()));
    if (!records.get(0).equals(expected)) {
      throw new IllegalArgumentException(
          "line 1: header " + records.get(0) + " is not the expected " + expected);
    }
    Table.Builder builder = Table.builder(columns);
    for (int record = 1; record < records.size(); record++) {
      List<String> fields = records.get(record);
      if (fields.size() != columns.size()) {
        throw new IllegalArgumentException("record " + (record + 1) + " has " + fields.size()
            + " fields for " + columns.size() + " columns");
      }
      Object[] values = new Object[fields.size()];
      for (int column = 0; column < values.length; column++) {
        values[column] = parse(columns.get(column), fields.get(column), record + 1);
      }
      builder.addRow(values);
    }
    return builder.build();
  }

  /**
   * Splits CSV into records of fields; an empty unquoted field is {@code null} (missing), a quoted
   * empty field {@code ""}. A leading byte-order mark is skipped.
   */
  public static List<List<String>> readRecords(Reader source) throws IOException {
    PushbackReader in = new PushbackReader(new BufferedReader(source), 1);
    int first = in.read();
    if (first != '\uFEFF' && first != EOF) {
      in.unread(first);
    }
    List<List<String>> records = new ArrayList<>();
    int line = 1;
    while (true) {
      int next = in.read();
      if (next == EOF) {
        return records;
      }
      in.unread(next);
      List<String> fields = new ArrayList<>();
      line = readRecord(in, fields, line);
      records.add(fields);
    }
  }

  /** Reads one record up to and including its line end; returns the next line number. */
  private static int readRecord(PushbackReader in, List<String> fields, int line)
      throws IOException {
    int current = line;
    while (true) {
      StringBuilder field = new StringBuilder();
      int c = in.read();
      boolean quoted = c == CsvFormat.QUOTE;
      if (quoted) {
        current = readQuoted(in, field, line, current);
        c = in.read();
      } else {
        while (c != CsvFormat.SEPARATOR && c != '\n' && c != '\r' && c != EOF) {
          if (c == CsvFormat.QUOTE) {
            throw new IllegalArgumentException("line " + current + ": quote inside unquoted field");
          }
          field.append((char) c);
          c = in.read();
        }
      }
      fields.add(quoted || field.length() > 0 ? field.toString() : null);
      if (c == CsvFormat.SEPARATOR) {
        continue;
      }
      if (c == '\r') {
        if (in.read() != '\n') {
          throw new IllegalArgumentException("line " + current + ": bare carriage return");
        }
        return current + 1;
      }
      if (c == '\n' || c == EOF) {
        return current + 1;
      }
      throw new IllegalArgumentException(
          "line " + current + ": '" + (char) c + "' after a closing quote");
    }
  }

  /** Reads a quoted field's content after its opening quote; returns the current line number. */
  private static int readQuoted(PushbackReader in, StringBuilder field, int start, int line)
      throws IOException {
    int current = line;
    while (true) {
      int c = in.read();
      if (c == EOF) {
        throw new IllegalArgumentException("line " + start + ": quoted field never closed");
      }
      if (c == CsvFormat.QUOTE) {
        int after = in.read();
        if (after != CsvFormat.QUOTE) {
          if (after != EOF) {
            in.unread(after);
          }
          return current;
        }
      } else if (c == '\n') {
        current++;
      }
      field.append((char) c);
    }
  }

  private static Object parse(Column column, String field, int record) {
    try {
      return switch (column.type()) {
        case STRING -> field;
        case LONG -> field == null ? null : Long.parseLong(field);
        case DOUBLE -> CsvFormat.parseDouble(field);
        case BOOLEAN -> CsvBoolean.parse(field);
      };
    } catch (IllegalArgumentException bad) { // NumberFormatException among them
      throw new IllegalArgumentException(
          "record " + record + ", column " + column + ": cannot read '" + field + "'", bad);
    }
  }
}
