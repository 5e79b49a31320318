package sigprop.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable table: ordered, typed columns and rows, stored column by column so a million rows
 * of doubles cost eight bytes a cell. Missing values: {@code null} strings and booleans, NaN
 * doubles, and longs flagged as missing. Equality is bit-exact on doubles (so
 * {@code -0.0 != 0.0}), with every NaN the same missing value.
 */
public final class Table {
  private final List<Column> columns;
  private final Map<String, Integer> indexByName;
  private final int rowCount;
  /** One array per column: {@code String[]} (booleans spelled TRUE/FALSE), long[], double[]. */
  private final Object[] data;
  /** Per LONG column, the rows whose value is missing; {@code null} for other types. */
  private final BitSet[] missing;

  private Table(List<Column> columns, int rowCount, Object[] data, BitSet[] missing) {
    this.columns = List.copyOf(columns);
    this.indexByName = indexByName(columns);
    this.rowCount = rowCount;
    this.data = data;
    this.missing = missing;
  }

  /** A builder with no columns yet. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these columns, in this order. */
  public static Builder builder(List<Column> columns) {
    Builder builder = new Builder();
    columns.forEach(builder::column);
    return builder;
  }

  /** The columns in file order. */
  public List<Column> columns() {
    return columns;
  }

  /** The column names in file order. */
  public List<String> columnNames() {
    List<String> names = new ArrayList<>(columns.size());
    columns.forEach(c -> names.add(c.name()));
    return Collections.unmodifiableList(names);
  }

  /** The number of rows. */
  public int rowCount() {
    return rowCount;
  }

  /** The position of a column, or an exception naming the columns there are. */
  public int columnIndex(String name) {
    Integer index = indexByName.get(name);
    if (index == null) {
      throw new IllegalArgumentException("no column '" + name + "'; columns are " + columnNames());
    }
    return index;
  }

  /** Whether the cell holds no value. */
  public boolean isMissing(int row, int column) {
    checkRow(row);
    Object values = data[column];
    return switch (columns.get(column).type()) {
      case STRING, BOOLEAN -> ((String[]) values)[row] == null;
      case LONG -> missing[column].get(row);
      case DOUBLE -> Double.isNaN(((double[]) values)[row]);
    };
  }

  /**
   * The cell as {@code String} (a boolean as written, {@code TRUE}), {@code Long} or
   * {@code Double}; {@code null} when missing.
   */
  public Object value(int row, int column) {
    if (isMissing(row, column)) {
      return null;
    }
    return switch (columns.get(column).type()) {
      case STRING, BOOLEAN -> getString(row, column);
      case LONG -> getLong(row, column);
      case DOUBLE -> getDouble(row, column);
    };
  }

  /** A string cell, or a boolean one as written ({@code TRUE}); {@code null} when missing. */
  public String getString(int row, int column) {
    checkRow(row);
    return ((String[]) data[textual(column)])[row];
  }

  /** A boolean cell; throws when missing. */
  public boolean getBoolean(int row, int column) {
    checkRow(row);
    String text = ((String[]) data[typed(column, ColumnType.BOOLEAN)])[row];
    if (text == null) {
      throw new IllegalStateException(
          "row " + row + " of column '" + columns.get(column).name() + "' is missing");
    }
    return text.equals(CsvBoolean.TRUE);
  }

  /** A long cell; throws when missing, since no long can stand for "missing". */
  public long getLong(int row, int column) {
    checkRow(row);
    if (missing[typed(column, ColumnType.LONG)].get(row)) {
      throw new IllegalStateException(
          "row " + row + " of column '" + columns.get(column).name() + "' is missing");
    }
    return ((long[]) data[column])[row];
  }

  /** A double cell; NaN when missing. */
  public double getDouble(int row, int column) {
    checkRow(row);
    return ((double[]) data[typed(column, ColumnType.DOUBLE)])[row];
  }

  /** A copy of a string column, or of a boolean one as written ({@code TRUE}). */
  public String[] strings(String name) {
    return ((String[]) data[textual(columnIndex(name))]).clone();
  }

  /** A copy of a long column; throws if any value is missing. */
  public long[] longs(String name) {
    int column = typed(columnIndex(name), ColumnType.LONG);
    if (!missing[column].isEmpty()) {
      throw new IllegalStateException("column '" + name + "' has missing values at rows "
          + missing[column]);
    }
    return ((long[]) data[column]).clone();
  }

  /** A copy of a double column, NaN where missing; a LONG column is widened. */
  public double[] doubles(String name) {
    int column = columnIndex(name);
    if (columns.get(column).type() == ColumnType.LONG) {
      double[] widened = new double[rowCount];
      for (int row = 0; row < rowCount; row++) {
        widened[row] = missing[column].get(row) ? Double.NaN : ((long[]) data[column])[row];
      }
      return widened;
    }
    return ((double[]) data[typed(column, ColumnType.DOUBLE)]).clone();
  }

  /** One row as values in column order, {@code null} where missing. */
  public List<Object> row(int row) {
    List<Object> values = new ArrayList<>(columns.size());
    for (int column = 0; column < columns.size(); column++) {
      values.add(value(row, column));
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Table)) {
      return false;
    }
    Table that = (Table) other;
    if (!columns.equals(that.columns) || rowCount != that.rowCount) {
      return false;
    }
    for (int column = 0; column < columns.size(); column++) {
      if (!columnEquals(that, column)) {
        return false;
      }
    }
    return true;
  }

  private boolean columnEquals(Table that, int column) {
    return switch (columns.get(column).type()) {
      case STRING, BOOLEAN ->
          Arrays.equals((String[]) data[column], (String[]) that.data[column]);
      case LONG -> missing[column].equals(that.missing[column])
          && Arrays.equals(masked(column), that.masked(column));
      // Arrays.equals on doubles compares doubleToLongBits: bit-exact, every NaN alike.
      case DOUBLE -> Arrays.equals((double[]) data[column], (double[]) that.data[column]);
    };
  }

  /** The long column with missing cells zeroed, so equality ignores what lies under them. */
  private long[] masked(int column) {
    long[] values = ((long[]) data[column]).clone();
    missing[column].stream().forEach(row -> values[row] = 0);
    return values;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(columns, rowCount);
    for (int column = 0; column < columns.size(); column++) {
      Object values = data[column];
      int columnHash = switch (columns.get(column).type()) {
        case STRING, BOOLEAN -> Arrays.hashCode((String[]) values);
        case LONG -> Arrays.hashCode(masked(column));
        case DOUBLE -> Arrays.hashCode((double[]) values);
      };
      hash = 31 * hash + columnHash;
    }
    return hash;
  }

  @Override
  public String toString() {
    return "Table" + columns + " with " + rowCount + " rows";
  }

  private int typed(int column, ColumnType expected) {
    ColumnType actual = columns.get(column).type();
    if (actual != expected) {
      throw new IllegalArgumentException("column '" + columns.get(column).name() + "' is "
          + actual.key() + ", not " + expected.key());
    }
    return column;
  }

  /** A column held as text: STRING, or BOOLEAN in its CSV spelling. */
  private int textual(int column) {
    return columns.get(column).type() == ColumnType.BOOLEAN ? column
        : typed(column, ColumnType.STRING);
  }

  private void checkRow(int row) {
    if (row < 0 || row >= rowCount) {
      throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
    }
  }

  private static Map<String, Integer> indexByName(List<Column> columns) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      if (index.put(columns.get(i).name(), i) != null) {
        throw new IllegalArgumentException("duplicate column '" + columns.get(i).name() + "'");
      }
    }
    return index;
  }

  /**
   * Collects columns, then rows. Values are checked against the column type as they arrive, so a
   * row given in the wrong order fails at the row that is wrong, not when the file is read.
   */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private final List<Object> data = new ArrayList<>();
    private final List<BitSet> missing = new ArrayList<>();
    private int rowCount;
    private int capacity = 16;

    private Builder() {}

    /** Adds a column; all columns come before the first row. */
    public Builder column(Column column) {
      Objects.requireNonNull(column, "column");
      if (rowCount > 0) {
        throw new IllegalStateException(
            "column '" + column.name() + "' added after " + rowCount + " rows");
      }
      if (names.putIfAbsent(column.name(), columns.size()) != null) {
        throw new IllegalArgumentException("duplicate column '" + column.name() + "'");
      }
      columns.add(column);
      data.add(newArray(column.type(), capacity));
      missing.add(column.type() == ColumnType.LONG ? new BitSet() : null);
      return this;
    }

    /** Adds a column by name and type. */
    public Builder column(String name, ColumnType type) {
      return column(new Column(name, type));
    }

    /** Adds a string column. */
    public Builder stringColumn(String name) {
      return column(Column.string(name));
    }

    /** Adds a long column. */
    public Builder longColumn(String name) {
      return column(Column.longs(name));
    }

    /** Adds a boolean column. */
    public Builder booleanColumn(String name) {
      return column(Column.booleans(name));
    }

    /** Adds a double column. */
    public Builder doubleColumn(String name) {
      return column(Column.doubles(name));
    }

    /**
     * Adds a row, one value per column in column order: {@code String} for string columns,
     * {@code Long}/{@code Integer} for long columns, any {@code Double}, {@code Float},
     * {@code Integer} or exactly representable {@code Long} for double columns, {@code Boolean}
     * or its CSV spelling ({@code TRUE}, {@code FALSE}) for boolean columns; {@code null} is
     * missing everywhere.
     */
    public Builder addRow(Object... values) {
      if (columns.isEmpty()) {
        throw new IllegalStateException("add columns before rows");
      }
      if (values.length != columns.size()) {
        throw new IllegalArgumentException("row " + rowCount + " has " + values.length
            + " values for " + columns.size() + " columns " + columns);
      }
      // Check the whole row before storing any of it, so a bad row leaves the builder unchanged.
      Object[] converted = new Object[values.length];
      for (int column = 0; column < values.length; column++) {
        converted[column] = convert(columns.get(column), values[column]);
      }
      if (rowCount == capacity) {
        grow();
      }
      for (int column = 0; column < converted.length; column++) {
        store(column, converted[column]);
      }
      rowCount++;
      return this;
    }

    /** The rows added so far. */
    public int rowCount() {
      return rowCount;
    }

    /** A table of the rows added so far; the builder may go on adding rows. */
    public Table build() {
      Object[] arrays = new Object[columns.size()];
      BitSet[] missingCopies = new BitSet[columns.size()];
      for (int column = 0; column < arrays.length; column++) {
        arrays[column] = trimmed(data.get(column), rowCount);
        BitSet flags = missing.get(column);
        missingCopies[column] = flags == null ? null : (BitSet) flags.clone();
      }
      return new Table(columns, rowCount, arrays, missingCopies);
    }

    private Object convert(Column column, Object value) {
      if (value == null) {
        return null;
      }
      Object converted = switch (column.type()) {
        case STRING -> value instanceof String ? value : null;
        case LONG -> value instanceof Long || value instanceof Integer
            ? (Object) ((Number) value).longValue() : null;
        case DOUBLE -> toDouble(value);
        case BOOLEAN -> value instanceof Boolean b ? CsvBoolean.of(b)
            : CsvBoolean.TRUE.equals(value) || CsvBoolean.FALSE.equals(value) ? value : null;
      };
      if (converted != null) {
        return converted;
      }
      throw new IllegalArgumentException("row " + rowCount + ", column " + column + ": "
          + value.getClass().getSimpleName() + " " + value + " does not fit");
    }

    /** The value as a Double if it is one exactly, else null. */
    private static Double toDouble(Object value) {
      if (value instanceof Double || value instanceof Float || value instanceof Integer) {
        return ((Number) value).doubleValue();
      }
      if (value instanceof Long) {
        long asLong = (Long) value;
        double asDouble = (double) asLong;
        // (long) of 2^63 saturates to Long.MAX_VALUE, which would pass a naive check.
        if (asDouble != 0x1p63 && (long) asDouble == asLong) {
          return asDouble;
        }
      }
      return null;
    }

    private void store(int column, Object value) {
      Object array = data.get(column);
      switch (columns.get(column).type()) {
        case STRING, BOOLEAN -> ((String[]) array)[rowCount] = (String) value;
        case LONG -> {
          if (value == null) {
            missing.get(column).set(rowCount);
          } else {
            ((long[]) array)[rowCount] = (Long) value;
          }
        }
        case DOUBLE -> ((double[]) array)[rowCount] = value == null ? Double.NaN : (Double) value;
        default -> throw new AssertionError(columns.get(column));
      }
    }

    private void grow() {
      if (capacity > Integer.MAX_VALUE / 2) {
        throw new IllegalStateException("table full at " + rowCount + " rows");
      }
      capacity *= 2;
      for (int column = 0; column < data.size(); column++) {
        data.set(column, trimmed(data.get(column), capacity));
      }
    }

    private static Object newArray(ColumnType type, int length) {
      return switch (type) {
        case STRING, BOOLEAN -> new String[length];
        case LONG -> new long[length];
        case DOUBLE -> new double[length];
      };
    }

    private static Object trimmed(Object array, int length) {
      if (array instanceof String[]) {
        return Arrays.copyOf((String[]) array, length);
      }
      if (array instanceof long[]) {
        return Arrays.copyOf((long[]) array, length);
      }
      return Arrays.copyOf((double[]) array, length);
    }
  }
}
