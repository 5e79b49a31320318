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

  /** {@code TRUE} or {@code FALSE}. */
  public static String of(boolean value) {
    return value ? TRUE : FALSE;
  }

  /** The value {@code text} spells, or null for null; throws for any other text. */
  public static Boolean parse(String text) {
    if (text == null || text.equals(TRUE) || text.equals(FALSE)) {
      return text == null ? null : text.equals(TRUE);
    }
    throw new IllegalArgumentException("expected " + TRUE + " or " + FALSE + ", got '" + text
        + "'");
  }
}
