package sigprop.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Orders a summary's configurations and labels them. Order: sweep, experiment, then the
 * parameter values in parameter-column order (numbers numerically), which is also the order of
 * {@code config_index}, of table rows and of legend entries. Label: the parameters that vary
 * within the configuration's experiment, {@code name=value} separated by spaces in
 * parameter-column order (e.g. {@code depth=20 norm=batch init=normal(std=1.0)}), or
 * {@code norm=… init=…} when nothing varies; commas
 * inside values become spaces so that gnuplot reads a label as one field.
 */
public final class Configurations {
  private Configurations() {}

  /** The configurations sorted, with index 0.. and labels set. */
  public static List<Configuration> ordered(List<Configuration> configs,
      List<String> parameterNames) {
    List<Configuration> sorted = new ArrayList<>(configs);
    sorted.sort(Comparator.comparing(Configuration::sweep)
        .thenComparing(Configuration::experiment)
        .thenComparing(Configuration::parameters, Configurations::compareParameters)
        .thenComparing(Configuration::configId));
    Map<String, List<Configuration>> byExperiment = new LinkedHashMap<>();
    for (Configuration c : sorted) {
      byExperiment.computeIfAbsent(c.sweep() + "\u0000" + c.experiment(),
          k -> new ArrayList<>()).add(c);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (List<Configuration> experiment : byExperiment.values()) {
      List<Integer> varying = varying(experiment, parameterNames);
      for (Configuration c : experiment) {
        labels.put(SourceTable.key(c.sweep(), c.configId()), label(c, varying, parameterNames));
      }
    }
    List<Configuration> result = new ArrayList<>();
    for (Configuration c : sorted) {
      result.add(c.with(result.size(), labels.get(SourceTable.key(c.sweep(), c.configId()))));
    }
    return result;
  }

  /** Positions of the parameters with more than one value among the configurations. */
  static List<Integer> varying(List<Configuration> configs, List<String> parameterNames) {
    List<Integer> varying = new ArrayList<>();
    for (int p = 0; p < parameterNames.size(); p++) {
      Set<String> values = new HashSet<>();
      for (Configuration c : configs) {
        values.add(String.valueOf(c.parameters().get(p)));
      }
      if (values.size() > 1) {
        varying.add(p);
      }
    }
    if (varying.isEmpty()) {
      for (String fallback : List.of("init", "norm")) {
        int p = parameterNames.indexOf(fallback);
        if (p >= 0) {
          varying.add(p);
        }
      }
      varying.sort(null); // parameter-column order, like a label of varying parameters
    }
    return varying;
  }

  /** The label of these parameters' values, or the experiment's name where none is set. */
  static String label(Configuration c, List<Integer> varying,
      List<String> parameterNames) {
    List<String> parts = new ArrayList<>();
    for (int p : varying) {
      // An unset parameter (width of a widths net, widths of a uniform one) says nothing.
      if (c.parameters().get(p) != null) {
        parts.add(labelPart(parameterNames.get(p), c.parameters().get(p)));
      }
    }
    String label = String.join(" ", parts);
    return label.isBlank() ? c.experiment() : label;
  }

  /**
   * One parameter's part of a label, {@code name=value}, commas made spaces (gnuplot reads the
   * label as one field) and double quotes single.
   */
  static String labelPart(String name, Object value) {
    return (name + "=" + value).replace(", ", " ").replace(',', ' ').replace('"', '\'');
  }

  private static int compareParameters(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compareValues(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Nulls first, numbers by value, anything else by its text. */
  static int compareValues(Object a, Object b) {
    if (Objects.equals(a, b)) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    return a.toString().compareTo(b.toString());
  }
}
