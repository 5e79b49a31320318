package sigprop.report;

/**
 * The text form of one CSV field, shared by {@link CsvWriter} and {@link CsvReader} so the two
 * cannot drift apart.
 *
 * <p>Doubles are the shortest decimal that reads back to the same bits, laid out as
 * {@link Double#toString(double)} does on JDK 19+ ({@link ShortestDouble}): locale-free, '.' and
 * 'E', the same text on every JDK. NaN is an empty field, like any missing value; infinities are
 * {@code inf} and {@code -inf}, which pandas, R's read.csv, gnuplot and strtod all read as
 * infinities.
 */
final class CsvFormat {
  static final char SEPARATOR = ',';
  static final char QUOTE = '"';
  static final String POSITIVE_INFINITY = "inf";
  static final String NEGATIVE_INFINITY = "-inf";

  private CsvFormat() {}

  /** A double as it is written; empty for NaN. */
  static String formatDouble(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
    }
    return ShortestDouble.format(value);
  }

  /** Reads what {@link #formatDouble} wrote; {@code null} (an empty field) is NaN. */
  static double parseDouble(String field) {
    if (field == null || field.isEmpty()) {
      return Double.NaN;
    }
    if (field.equalsIgnoreCase(POSITIVE_INFINITY)) {
      return Double.POSITIVE_INFINITY;
    }
    if (field.equalsIgnoreCase(NEGATIVE_INFINITY)) {
      return Double.NEGATIVE_INFINITY;
    }
    return Double.parseDouble(field);
  }

  /** A string field: quoted only when it holds a separator, quote or line break, or is empty. */
  static String formatString(String value) {
    if (value == null) {
      return "";
    }
    // An empty string is quoted ("") so it reads back as "" rather than as missing.
    if (value.isEmpty() || needsQuotes(value)) {
      return QUOTE + value.replace("\"", "\"\"") + QUOTE;
    }
    return value;
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == SEPARATOR || c == QUOTE || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}
