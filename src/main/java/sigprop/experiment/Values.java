package sigprop.experiment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import sigprop.net.Names;

/**
 * Typed readers for YAML values: each returns the value, or null after recording a problem that
 * says what was expected and what was found ("expected an integer, got 'abc'").
 */
final class Values {
  private Values() {}

  /** A scalar's text, or null (with a problem) for null, a list or a mapping. */
  static String text(YamlNode node, Problems problems, String expected) {
    if (node instanceof YamlNode.Scalar s && !s.isNull()) {
      return s.text().trim();
    }
    if (!missing(node, problems, null, expected)) {
      problems.add(node, "expected " + expected + ", got " + node.describe());
    }
    return null;
  }

  /**
   * Whether the node is a key written with nothing after its colon ({@code depth:} alone, which
   * YAML reads as null), after a problem saying so and what to write instead: drop the key for
   * {@code dropFor} (its default; null for a key that has none) or give {@code expected}. An
   * override ({@code --set network.depth=null}) is to be left out for the same default, or for
   * the config's own value where it replaced one.
   */
  static boolean missing(YamlNode node, Problems problems, String dropFor, String expected) {
    if (!(node instanceof YamlNode.Scalar s && s.isNull())) {
      return false;
    }
    if (!node.location().equals("--set")) {
      problems.add(node, "has no value; " + (dropFor == null ? "give " + expected
          : "drop the key for " + dropFor + ", or give " + expected));
      return true;
    }
    // What leaving the override out gives: the config's value it replaced, else the default.
    Set<String> replaced = problems.overridden(node.path());
    problems.add(node, "has no value; " + (!replaced.isEmpty()
        ? "leave out the --set for the config's value (" + String.join(", ", replaced)
            + "), or give " + expected + (dropFor == null ? ""
                : "; for " + dropFor + ", also drop the key from the config")
        : dropFor == null ? "give " + expected + ", or leave out the --set"
        : "leave out the --set for " + dropFor + ", or give " + expected));
    return true;
  }

  /** An integer in [min, max]. */
  static Integer integer(YamlNode node, Problems problems, int min, int max) {
    Long v = longInteger(node, problems, min, max);
    return v == null ? null : v.intValue();
  }

  /** A long integer in [min, max]. */
  static Long longInteger(YamlNode node, Problems problems, long min, long max) {
    String text = text(node, problems, "an integer");
    if (text == null) {
      return null;
    }
    long v;
    try {
      v = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      // Digits beyond a long are still an integer: say which bound it passes.
      boolean digits = text.replace("_", "").matches("[-+]?\\d+");
      problems.add(node, !digits ? "expected an integer, got '" + text + "'" + integerHint(text)
          : text.startsWith("-") ? "must be >= " + min + ", got " + text
          : "must be <= " + max + ", got " + text);
      return null;
    }
    if (v < min || v > max) {
      problems.add(node, v < min ? "must be >= " + min + ", got " + v
          : "must be <= " + max + ", got " + v);
      return null;
    }
    return v;
  }

  /**
   * What to write instead of a text that is not an integer but looks meant as one: 1e3 is a
   * decimal in YAML (write 1000), "0, 10" one word (a list is written [0, 10]).
   */
  private static String integerHint(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
      try {
        BigDecimal v = new BigDecimal(t).stripTrailingZeros();
        if (v.scale() <= 0 && v.precision() - v.scale() <= 18) {
          return "; write " + v.toBigInteger();
        }
      } catch (NumberFormatException e) {
        return "";
      }
    }
    return t.contains(",") ? "; a list is written in brackets: [" + text + "]" : "";
  }

  /** Any number, NaN and infinities included (written .nan, .inf, -.inf or NaN, Infinity). */
  static Double number(YamlNode node, Problems problems) {
    String text = text(node, problems, "a number");
    if (text == null) {
      return null;
    }
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (t) {
      case ".nan": case "nan": return Double.NaN;
      case ".inf": case "+.inf": case "inf": case "infinity": return Double.POSITIVE_INFINITY;
      case "-.inf": case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    try {
      // parseDouble alone would also take Java literals such as 1d or 0x1p3: keep to decimals.
      if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
        throw new NumberFormatException(t);
      }
      double v = Double.parseDouble(t);
      // A decimal beyond double's range would silently become ±∞ or 0 (and read 'Infinity').
      if (Double.isInfinite(v)) {
        problems.add(node, "'" + text + "' is beyond double's range (±1.8e308); write .inf or"
            + " -.inf for an infinity");
        return null;
      }
      if (v == 0 && t.matches("[-+]?[0.]*[1-9].*")) {
        problems.add(node, "'" + text + "' rounds to 0 in double (the smallest is 4.9e-324);"
            + " write 0 for zero");
        return null;
      }
      // + 0.0 turns -0 into 0: one value, one cell id ([0.0, -0.0] is a repeated axis value).
      return v + 0.0;
    } catch (NumberFormatException e) {
      problems.add(node, "expected a number, got '" + text + "'");
      return null;
    }
  }

  /** A finite number >= 0 (a learning rate, a decay, a std). */
  static Double nonNegative(YamlNode node, Problems problems) {
    Double v = number(node, problems);
    if (v != null && !(Double.isFinite(v) && v >= 0)) {
      problems.add(node, "must be a finite number >= 0, got " + v);
      return null;
    }
    return v;
  }

  /** A finite number > 0 (an epsilon). */
  static Double positive(YamlNode node, Problems problems) {
    Double v = number(node, problems);
    if (v != null && !(Double.isFinite(v) && v > 0)) {
      problems.add(node, "must be a finite number > 0, got " + v);
      return null;
    }
    return v;
  }

  /** true or false (YAML's yes/no/on/off too). */
  static Boolean bool(YamlNode node, Problems problems) {
    String text = text(node, problems, "true or false");
    if (text == null) {
      return null;
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true": case "yes": case "on": return Boolean.TRUE;
      case "false": case "no": case "off": return Boolean.FALSE;
      default:
        problems.add(node, "expected true or false, got '" + text + "'");
        return null;
    }
  }

  /** One of the valid names (case-insensitive); unknown names get the closest one suggested. */
  static String word(YamlNode node, Problems problems, String what, Collection<String> valid) {
    String article = "aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ";
    String text = text(node, problems, article + what + " name");
    if (text == null) {
      return null;
    }
    String w = text.toLowerCase(Locale.ROOT);
    if (!valid.contains(w)) {
      problems.add(node, Names.unknown(what, text, valid));
      return null;
    }
    return w;
  }

  /** A list's items; a single scalar or mapping stands for a list of one. */
  static List<YamlNode> items(YamlNode node) {
    return node instanceof YamlNode.Sequence s ? s.items() : List.of(node);
  }

  /** The node as a mapping, or null (with a problem) when it is something else. */
  static YamlNode.Mapping mapping(YamlNode node, Problems problems) {
    if (node instanceof YamlNode.Mapping m) {
      return m;
    }
    problems.add(node, "expected a mapping (key: value, …), got " + node.describe());
    return null;
  }
}
