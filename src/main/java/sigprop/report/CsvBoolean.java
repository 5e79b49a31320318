package sigprop.report;

/**
 * A boolean as the summary's CSVs write it: {@code TRUE} or {@code FALSE}, the one spelling that
 * R's read.csv reads as logical (it keeps {@code true}/{@code false} as text), which pandas also
 * reads as bool and a spreadsheet as a truth value.
 */
public final class CsvBoolean {
  public static final String TRUE = "TRUE";
  public static final String FALSE = "FALSE";

  private CsvBoolean() {}

  public static String of(boolean value) {
    return value ? TRUE : FALSE;
  }
}
