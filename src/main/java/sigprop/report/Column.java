package sigprop.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named, typed column. Names are plain identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}) so that
 * gnuplot's {@code columnhead}, R's {@code check.names} and pandas attribute access keep them as
 * written.
 */
public record Column(String name, ColumnType type) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Checks the name is a plain identifier and the type is given. */
  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "column name must match " + NAME.pattern() + ", got '" + name + "'");
    }
  }

  /** A string column. */
  public static Column string(String name) {
    return new Column(name, ColumnType.STRING);
  }

  /** A long column. */
  public static Column longs(String name) {
    return new Column(name, ColumnType.LONG);
  }

  /** A boolean column. */
  public static Column booleans(String name) {
    return new Column(name, ColumnType.BOOLEAN);
  }

  /** A double column. */
  public static Column doubles(String name) {
    return new Column(name, ColumnType.DOUBLE);
  }

  @Override
  public String toString() {
    return name + ":" + type.key();
  }
}
