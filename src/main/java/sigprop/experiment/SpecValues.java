package sigprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import sigprop.net.Activation;
import sigprop.net.Activations;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.Names;

/**
 * Readers for the structured values of a network: activations ({@code tanh} or
 * {@code {name: leaky_relu, slope: 0.2}}), init schemes ({@code xavier_normal} or
 * {@code {scheme: normal, std: 0.01}}), bias inits and explicit width lists. Each returns null
 * after recording a problem at the offending key.
 */
final class SpecValues {
  /** The schemes that make sense for a bias vector (the others depend on a weight's fans). */
  static final List<String> BIAS_SCHEMES = List.of("zeros", "constant", "normal", "uniform");

  private SpecValues() {}

  /** An activation: a name, or a mapping with {@code name} and the activation's parameters. */
  static Activation activation(YamlNode node, Problems problems) {
    YamlNode nameNode = node instanceof YamlNode.Mapping m ? m.get("name") : node;
    if (nameNode == null) {
      problems.add(node, "an activation mapping needs 'name'" + misspelt((YamlNode.Mapping) node,
          "name") + ", e.g. {name: leaky_relu, slope: 0.2}");
      return null;
    }
    String name = Values.word(nameNode, problems, "activation", Activations.names());
    Map<String, Double> params = new LinkedHashMap<>();
    if (name == null || (node instanceof YamlNode.Mapping m && !activationParameters(name, m,
        params, problems))) {
      return null;
    }
    try {
      return Activations.named(name, params);
    } catch (IllegalArgumentException e) {
      problems.add(node, e.getMessage());
      return null;
    }
  }

  /** " ('schem' is not a key; did you mean 'scheme'?)" when a key looks like a typo of it. */
  private static String misspelt(YamlNode.Mapping m, String key) {
    for (String k : m.view().keySet()) {
      if (Names.closest(k, List.of(key)) != null) {
        return " ('" + k + "' is not a key; did you mean '" + key + "'?)";
      }
    }
    return "";
  }

  /** Reads an activation mapping's parameters into {@code params}; false if any is bad. */
  private static boolean activationParameters(String name, YamlNode.Mapping m,
      Map<String, Double> params, Problems problems) {
    boolean ok = true;
    Set<String> allowed = Activations.parameters(name);
    for (Map.Entry<String, YamlNode> e : m.view().entrySet()) {
      String key = e.getKey();
      if (key.equals("name")) {
        continue;
      }
      if (!allowed.contains(key)) {
        problems.add(e.getValue(), allowed.isEmpty()
            ? "activation '" + name + "' takes no parameters, got '" + key + "'"
            : Names.unknown("parameter of " + name, key, new TreeSet<>(allowed)));
        ok = false;
        continue;
      }
      Double v = Values.number(e.getValue(), problems);
      ok &= v != null;
      if (v != null) {
        params.put(key, v);
      }
    }
    return ok;
  }

  /** A weight init: a scheme name, or a mapping with {@code scheme} and the scheme's parameters. */
  static InitSpec init(YamlNode node, Problems problems) {
    return scheme(node, problems, "init scheme", InitScheme.keys());
  }

  /** A bias init: zeros, or a mapping such as {@code {scheme: normal, std: 0.1}}. */
  static InitSpec bias(YamlNode node, Problems problems) {
    return scheme(node, problems, "bias scheme", BIAS_SCHEMES);
  }

  private static InitSpec scheme(YamlNode node, Problems problems, String what,
      List<String> valid) {
    YamlNode schemeNode = node;
    if (node instanceof YamlNode.Mapping m) {
      schemeNode = m.get("scheme");
      if (schemeNode == null) {
        problems.add(node, "a" + (what.startsWith("init") ? "n init" : " bias")
            + " mapping needs 'scheme'" + misspelt(m, "scheme")
            + ", e.g. {scheme: normal, std: 0.01}");
        return null;
      }
    }
    String name = Values.word(schemeNode, problems, what, valid);
    if (name == null) {
      return null;
    }
    InitScheme scheme = InitScheme.fromKey(name);
    Map<String, Object> params = new LinkedHashMap<>();
    if (node instanceof YamlNode.Mapping m) {
      boolean ok = true;
      for (Map.Entry<String, YamlNode> e : m.view().entrySet()) {
        if (!e.getKey().equals("scheme")) {
          Object v = parameter(what.startsWith("bias") ? "bias" : "init", scheme, e.getKey(),
              e.getValue(), problems);
          ok &= v != null;
          if (v != null) {
            params.put(e.getKey(), v);
          }
        }
      }
      if (!ok) {
        return null;
      }
    }
    InitSpec spec = InitSpec.of(scheme, params);
    if (node instanceof YamlNode.Mapping m) {
      for (String key : params.keySet()) {
        // A merged slope is judged where it is written: the init it was merged from may use it.
        // One that --set nonlinearity (or scheme) made idle is left alone, as any value of the
        // file that an override makes idle is.
        YamlNode cause = m.get("nonlinearity") != null ? m.get("nonlinearity") : m.get("scheme");
        if (!spec.takes(key) && !m.isMerged(key)
            && !ValueUse.idledByOverride(m.get(key), Collections.singletonList(cause))) {
          problems.add(m.get(key), "has no effect: " + name + " takes " + key + " only"
              + " with nonlinearity: leaky_relu, and its nonlinearity is "
              + spec.word("nonlinearity") + (params.containsKey("nonlinearity") ? "" : " (the"
                  + " default)") + "; drop " + key + " or add nonlinearity: leaky_relu");
        }
      }
    }
    return spec;
  }

  /**
   * One init parameter, checked on its own so that the problem names its key; {@code role} is
   * "init" or "bias", as the user wrote it (a bias was called an init in its messages).
   */
  private static Object parameter(String role, InitScheme scheme, String key, YamlNode node,
      Problems problems) {
    Object def = scheme.defaults().get(key);
    if (def == null) {
      problems.add(node, scheme.defaults().isEmpty()
          ? role + " '" + scheme.key() + "' takes no parameters, got '" + key + "'"
          : Names.unknown("parameter of " + role + " " + scheme.key(), key,
              new ArrayList<>(scheme.defaults().keySet())));
      return null;
    }
    if (Values.missing(node, problems, "the default " + def, def instanceof Double ? "a number"
        : "a word")) {
      return null;
    }
    Object value = def instanceof Double ? Values.number(node, problems)
        : Values.text(node, problems, "a word");
    if (value instanceof String s) {
      value = s.toLowerCase(Locale.ROOT);
    }
    if (value == null) {
      return null;
    }
    try {
      InitSpec.of(scheme, Map.of(key, value));
      return value;
    } catch (IllegalArgumentException e) { // "init normal.std must be …"
      problems.add(node, e.getMessage().replaceFirst("^init ", role + " "));
      return null;
    }
  }

  /**
   * Explicit hidden widths such as [50, 30, 20]: an empty list stands for "not given" (null in
   * YAML), so that width × depth applies.
   */
  static List<Integer> widths(YamlNode node, Problems problems) {
    if (node instanceof YamlNode.Scalar s && s.isNull()) {
      return List.of();
    }
    if (!(node instanceof YamlNode.Sequence seq)) {
      problems.add(node, "expected a list of hidden widths such as [50, 30, 20] or null, got "
          + node.describe());
      return null;
    }
    if (seq.items().isEmpty()) {
      problems.add(node, "must list at least one hidden width (or be null to use width × depth)");
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      Integer w = Values.integer(item, problems, 1, Setting.MAX_SIZE);
      if (w == null) {
        return null;
      }
      out.add(w);
    }
    if (out.size() > Setting.MAX_DEPTH) {
      problems.add(node, "at most " + Setting.MAX_DEPTH + " hidden layers, got " + out.size());
      return null;
    }
    return List.copyOf(out);
  }
}
