package sigprop.args;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import sigprop.net.Names;

/**
 * A command-line verb's arguments, parsed by one rule for every verb: {@code --name value} and
 * {@code --name=value} alike; a mistyped option answered with the closest one; a missing value, a
 * flag given a value and an option given twice where one is allowed refused by name; {@code -h}
 * or {@code --help} anywhere asks for the help. A package of its own, beside every verb's
 * package and depending only on {@link Names}, so that the verbs of every package share it.
 */
public final class VerbArguments {
  /** The widest line of a verb's help, a terminal's 80 columns give or take. */
  public static final int HELP_WIDTH = 90;

  private final boolean help;
  private final Map<String, List<String>> values;
  private final List<String> positionals;

  private VerbArguments(boolean help, Map<String, List<String>> values, List<String> positionals) {
    this.help = help;
    this.values = values;
    this.positionals = positionals;
  }

  /** The options a verb takes: with a value (once, or repeatable) and flags. */
  public record Spec(List<String> valued, List<String> repeatable, List<String> flags) {
    /** Copies the lists; repeatable options take a value too. */
    public Spec {
      valued = List.copyOf(valued);
      repeatable = List.copyOf(repeatable);
      flags = List.copyOf(flags);
    }

    /** Every option name, {@code --help} last, as "did you mean" chooses from. */
    public List<String> names() {
      List<String> names = new ArrayList<>(valued);
      names.addAll(repeatable);
      names.addAll(flags);
      names.add("--help");
      return names;
    }

    private boolean takesValue(String name) {
      return valued.contains(name) || repeatable.contains(name);
    }

    /** Parses a verb's arguments (the verb itself excluded); throws naming the mistake. */
    public VerbArguments parse(String... args) {
      for (String a : args) {
        if (a.equals("-h") || a.equals("--help")) { // help wins over any mistake beside it
          return new VerbArguments(true, Map.of(), List.of());
        }
      }
      Map<String, List<String>> values = new LinkedHashMap<>();
      List<String> positionals = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("-") || a.equals("-")) {
          positionals.add(a);
          continue;
        }
        int eq = a.startsWith("--") ? a.indexOf('=') : -1;
        String name = eq > 0 ? a.substring(0, eq) : a;
        if (!names().contains(name)) {
          throw new IllegalArgumentException(Names.unknown("option", name, names()));
        }
        String value;
        if (!takesValue(name)) {
          if (eq > 0) {
            throw new IllegalArgumentException(name + " takes no value, got '" + a + "'");
          }
          value = ""; // a flag given twice says the same thing twice
        } else if (eq > 0) {
          value = a.substring(eq + 1);
        } else if (i + 1 == args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        } else if (args[i + 1].startsWith("--")) { // no value here: an option, likely forgotten
          throw new IllegalArgumentException(name + " needs a value, got the option '"
              + args[i + 1] + "'");
        } else {
          value = args[++i];
        }
        List<String> given = values.computeIfAbsent(name, k -> new ArrayList<>());
        if (!given.isEmpty() && valued.contains(name)) {
          throw new IllegalArgumentException(name + " given twice ('" + given.get(0) + "', then '"
              + value + "'): give it once");
        }
        given.add(value);
      }
      return new VerbArguments(false, values, positionals);
    }
  }

  /** Whether {@code -h} or {@code --help} was given. */
  public boolean help() {
    return help;
  }

  /** Whether the option or flag was given. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The option's value, or {@code fallback} when it was not given. */
  public String value(String name, String fallback) {
    List<String> given = values.get(name);
    return given == null ? fallback : given.get(0);
  }

  /**
   * The option's value as a finite number above 0, or {@code fallback} when it was not given;
   * throws "NAME needs a positive number, got '…'" otherwise.
   */
  public double positive(String name, double fallback) {
    return number(name, fallback, v -> v > 0, "a positive number");
  }

  /**
   * The option's value as a whole number of {@code what} (e.g. "slots"; empty for none) ≥ 1, or
   * {@code fallback} when it was not given; throws naming the option otherwise.
   */
  public int count(String name, String what, int fallback) {
    return count(name, what, fallback, Integer.MAX_VALUE);
  }

  /**
   * As {@link #count(String, String, int)}, at most {@code max}: "NAME needs a whole number of
   * WHAT from 1 to MAX, got '…'" otherwise.
   */
  public int count(String name, String what, int fallback, int max) {
    String text = value(name, null);
    if (text == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(name + " needs a whole number" + (what.isEmpty() ? ""
        : " of " + what) + (max == Integer.MAX_VALUE ? " ≥ 1" : " from 1 to " + max) + ", got '"
        + text + "'");
  }

  /**
   * The option's value as a finite number ≥ 0, or {@code fallback} when it was not given;
   * throws "NAME needs a number ≥ 0, got '…'" otherwise.
   */
  public double nonNegative(String name, double fallback) {
    return number(name, fallback, v -> v >= 0, "a number ≥ 0");
  }

  /** A finite number that {@code valid} accepts, else "NAME needs {@code what}, got '…'". */
  private double number(String name, double fallback, DoublePredicate valid, String what) {
    String text = value(name, null);
    if (text == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(text.trim());
      if (valid.test(v) && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException(name + " needs " + what + ", got '" + text + "'");
  }

  /** A repeatable option's values in the order given; empty when none. */
  public List<String> values(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  /** The arguments that are not options, in order. */
  public List<String> positionals() {
    return List.copyOf(positionals);
  }

  /** The one argument that is not an option, named {@code what} (CONFIG); throws unless so. */
  public String single(String what) {
    if (positionals.size() > 1) {
      throw new IllegalArgumentException("one " + what + " only, got " + quoted(positionals));
    }
    if (positionals.isEmpty() || positionals.get(0).isBlank()) {
      throw new IllegalArgumentException(positionals.isEmpty() ? "missing " + what
          : what + " is an empty path");
    }
    return positionals.get(0);
  }

  /** Throws naming the arguments that are not options, for a verb that takes none. */
  public void noPositionals() {
    if (!positionals.isEmpty()) {
      throw new IllegalArgumentException("unexpected argument" + (positionals.size() > 1 ? "s "
          : " ") + quoted(positionals));
    }
  }

  private static String quoted(List<String> items) {
    String last = "'" + items.get(items.size() - 1) + "'";
    return items.size() == 1 ? last : "'" + String.join("', '", items.subList(0,
        items.size() - 1)) + "' and " + last;
  }

  /**
   * A help line listing {@code items} after {@code head}, wrapped within {@link #HELP_WIDTH}
   * columns, continuation lines indented by {@code indent} (where the option's description
   * starts).
   */
  public static String helpList(String head, String separator, List<String> items,
      int indent) {
    String glue = separator.strip(); // "," of ", ": it stays on the line it ends
    String space = separator.substring(glue.length());
    StringBuilder text = new StringBuilder(head);
    int length = head.length();
    for (int i = 0; i < items.size(); i++) {
      String token = items.get(i) + (i + 1 < items.size() ? glue : "");
      String gap = i == 0 ? "" : space;
      if (i > 0 && length + gap.length() + token.length() > HELP_WIDTH) {
        text.append('\n').append(" ".repeat(indent));
        length = indent;
        gap = "";
      }
      text.append(gap).append(token);
      length += gap.length() + token.length();
    }
    return text.toString();
  }

  /**
   * Prints {@code sigprop VERB: message} and where the options are listed, as every verb does for
   * bad arguments; returns exit code 2.
   */
  public static int usageError(PrintStream err, String verb, String message) {
    err.println("sigprop " + verb + ": " + message);
    err.println("(sigprop " + verb + " --help lists the options)");
    return 2;
  }
}
