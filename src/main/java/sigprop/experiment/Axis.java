package sigprop.experiment;

import java.util.List;

/**
 * A grid axis of an experiment: its name (a key of {@link CellSpec#parameters()}, e.g.
 * {@code init}) and its values as canonical text, in file order.
 */
public record Axis(String name, List<String> values) {
  public Axis {
    values = List.copyOf(values);
  }

  /** "3 inits", "1 depth", "2 batches", "2 width lists". */
  public String describe() {
    return describe(name, values.size());
  }

  /** A count with a parameter name made plural, e.g. {@code describe("batch", 2)}. */
  static String describe(String name, int count) {
    String one;
    String many;
    if (name.equals("widths")) {
      one = "width list";
      many = "width lists";
    } else if (name.equals("classes")) {
      one = "class count";
      many = "class counts";
    } else if (name.endsWith("_eps") || name.endsWith("_seed") || name.equals("momentum")) {
      one = name + " value";
      many = name + " values";
    } else if (name.endsWith("s") || name.endsWith("ch") || name.endsWith("sh")
        || name.endsWith("x")) {
      one = name;
      many = name + "es";
    } else {
      one = name;
      many = name + "s";
    }
    return count + " " + (count == 1 ? one : many);
  }

}
