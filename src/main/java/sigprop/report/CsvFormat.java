package sigprop.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text form of one CSV field, shared by {@link CsvWriter} and {@link CsvReader} so the two
 * cannot drift apart.
 *
 * <p>Doubles are the shortest decimal that reads back to the same bits, laid out as
 * {@link Double#toString(double)} does on JDK 19+ ({@link ShortestDouble}): locale-free, '.' and
 * 'E', the same text on every JDK. NaN is an empty field, like any missing value; infinities are
 * {@code inf} and {@code -inf}, which pandas, R's read.csv, gnuplot and strtod all read as
 * infinities.
 *
 * <p>A string is written on one line: each run of line breaks and tabs, with the spaces around
 * it, becomes {@value #LINE_SEPARATOR} (dropped at the string's ends): gnuplot and line-based
 * tools (awk, grep, sort) take every line for a row and do not understand a quoted line break.
 * A double quote in a string is written as a single quote ({@value #QUOTE_STANDIN}): gnuplot 5.4
 * ends a quoted field at a doubled quote followed by a comma ({@code "a ""b"", c",3}), shifting
 * every later column of the row, so a number after a failed cell's message could be read from the
 * wrong column without a word. A field is then quoted only for a comma or for the empty string.
 */
final class CsvFormat {
  static final char SEPARATOR = ',';
  static final char QUOTE = '"';
  /** What a double quote in a string is written as. */
  static final char QUOTE_STANDIN = '\'';
  static final String POSITIVE_INFINITY = "inf";
  static final String NEGATIVE_INFINITY = "-inf";
  /** What a line break or tab in a string is written as. */
  static final String LINE_SEPARATOR = " | ";
  /** Tab and the line breaks: LF, VT, FF, CR, NEL, LS, PS. */
  private static final String BREAKS = "\\t\\n\\x0B\\f\\r\\u0085\\u2028\\u2029";
  /** A run of spaces, line breaks and tabs holding at least one break or tab. */
  private static final Pattern BREAK = Pattern.compile(" *[" + BREAKS + "][ " + BREAKS + "]*");

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

  /**
   * A string field on one line, its double quotes written as single ones: quoted only when it
   * holds a separator or is empty.
   */
  static String formatString(String value) {
    if (value == null) {
      return "";
    }
    String line = oneLine(value).replace(QUOTE, QUOTE_STANDIN);
    // An empty string is quoted ("") so it reads back as "" rather than as missing.
    if (line.isEmpty() || line.indexOf(SEPARATOR) >= 0) {
      return QUOTE + line + QUOTE;
    }
    return line;
  }

  /** The string with its line breaks and tabs written as {@link #LINE_SEPARATOR}. */
  static String oneLine(String value) {
    Matcher m = BREAK.matcher(value);
    if (!m.find()) {
      return value;
    }
    StringBuilder line = new StringBuilder(value.length());
    int last = 0;
    do {
      line.append(value, last, m.start());
      if (m.start() > 0 && m.end() < value.length()) {
        line.append(LINE_SEPARATOR);
      }
      last = m.end();
    } while (m.find());
    return line.append(value, last, value.length()).toString();
  }
}
