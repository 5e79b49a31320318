package sigprop.summary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the configurations of a curve figure into facets, one figure per value of one
 * parameter, when there are more than {@link #MAX_CONFIGURATIONS}: past that the lines crowd,
 * markers tell apart more colour rounds than a reader holds in mind, and the legend outgrows
 * the plot. The parameter is the varying one that brings every facet within the limit in the
 * fewest figures (3 inits × 3 norms × 2 depths: depth, two figures of 9); where none does, the
 * one whose largest facet is smallest. Ties go to the parameter first in column order. A
 * parameter that would leave every configuration alone in its facet, or that some leave unset,
 * is never chosen. {@code --facet} names the parameter instead, or turns splitting off.
 */
public final class CurveFacets {
  /** The most configurations one curve figure draws before it is split. */
  static final int MAX_CONFIGURATIONS = 12;

  /**
   * The configurations of one figure.
   *
   * @param part the facet's {@code name=value} as in the labels, or null for an unsplit figure
   * @param configs its configurations, in the order given
   * @param labels their legend labels: {@code config_label} in an unsplit figure; in a facet,
   *     the parameters that vary within it (its own parameter, and those it holds constant such
   *     as the widths of its depth, said once in the title or not at all)
   */
  record Facet(String part, List<Configuration> configs, Map<Configuration, String> labels) {
    /** A configuration's legend label within the facet. */
    String label(Configuration c) {
      return labels.getOrDefault(c, c.label());
    }
  }

  /**
   * How to split: by {@link #AUTO} (past {@link #MAX_CONFIGURATIONS}), {@link #NONE} (never) or
   * by the named parameter whenever it varies (the {@code --facet} option).
   *
   * @param parameterNames the names of {@link Configuration#parameters()}, in order
   * @param parameter {@link #AUTO}, {@link #NONE} or one of the names
   */
  public record Rule(List<String> parameterNames, String parameter) {
    /** Checks the parameter is auto, none or one of the names. */
    public Rule {
      parameterNames = List.copyOf(parameterNames);
      if (!parameter.equals(AUTO) && !parameter.equals(NONE)
          && !parameterNames.contains(parameter)) {
        throw new IllegalArgumentException("no parameter '" + parameter + "' among "
            + parameterNames);
      }
    }

    /** The automatic rule over these parameters. */
    public static Rule auto(List<String> parameterNames) {
      return new Rule(parameterNames, AUTO);
    }
  }

  /** Split past {@link #MAX_CONFIGURATIONS}, by the parameter of the fewest figures. */
  public static final String AUTO = "auto";
  /** Never split. */
  public static final String NONE = "none";

  private CurveFacets() {}

  /** The facets of these configurations (one, unsplit, when they are few or told so). */
  static List<Facet> split(List<Configuration> configs, Rule rule) {
    List<String> parameterNames = rule.parameterNames();
    boolean auto = rule.parameter().equals(AUTO);
    if (rule.parameter().equals(NONE) || auto && configs.size() <= MAX_CONFIGURATIONS) {
      return List.of(new Facet(null, configs, Map.of()));
    }
    Map<String, List<Configuration>> best = null;
    for (int p : Configurations.varying(configs, parameterNames)) {
      Map<String, List<Configuration>> facets = new LinkedHashMap<>();
      for (Configuration c : configs) {
        Object value = c.parameters().get(p);
        // A parameter some configurations leave unset (width beside widths) names no facet.
        String part = value == null ? null : Configurations.labelPart(parameterNames.get(p), value);
        facets.computeIfAbsent(part, k -> new ArrayList<>()).add(c);
      }
      if (facets.size() < 2 || facets.containsKey(null)) {
        continue;
      }
      if (!auto) {
        best = parameterNames.get(p).equals(rule.parameter()) ? facets : best;
      } else if (facets.size() < configs.size() && better(facets, best)) {
        best = facets;
      }
    }
    if (best == null) {
      return List.of(new Facet(null, configs, Map.of()));
    }
    List<Facet> result = new ArrayList<>();
    best.forEach((part, members) -> {
      List<Integer> varying = Configurations.varying(members, parameterNames);
      Map<Configuration, String> labels = new LinkedHashMap<>();
      members.forEach(c -> labels.put(c, Configurations.label(c, varying, parameterNames)));
      result.add(new Facet(part, members, labels));
    });
    return result;
  }

  private static boolean better(Map<String, List<Configuration>> facets,
      Map<String, List<Configuration>> best) {
    if (best == null) {
      return true;
    }
    int largest = largest(facets);
    int bestLargest = largest(best);
    boolean fits = largest <= MAX_CONFIGURATIONS;
    boolean bestFits = bestLargest <= MAX_CONFIGURATIONS;
    if (fits != bestFits) {
      return fits;
    }
    if (fits) {
      return facets.size() < best.size();
    }
    return largest < bestLargest || largest == bestLargest && facets.size() < best.size();
  }

  private static int largest(Map<String, List<Configuration>> facets) {
    return facets.values().stream().mapToInt(List::size).max().orElse(0);
  }
}
