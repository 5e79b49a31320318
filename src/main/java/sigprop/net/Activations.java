package sigprop.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The registry of activation names accepted in configs. */
public final class Activations {
  private Activations() {}

  /** Every valid activation name. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (StandardActivation a : StandardActivation.values()) {
      names.add(a.describe());
    }
    names.add("leaky_relu");
    names.add("elu");
    return Collections.unmodifiableList(names);
  }

  /**
   * The bulk tanh kernel's name ({@code vector} or {@code scalar}); IllegalStateException when
   * {@code sigprop.tanh} forces one this JVM cannot run.
   */
  public static String tanhKernelName() {
    return TanhKernels.best().name();
  }

  /** The parameter names an activation accepts (empty for the parameter-free ones). */
  public static Set<String> parameters(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "leaky_relu": return Set.of("slope");
      case "elu": return Set.of("alpha");
      default: return Set.of();
    }
  }

  /** Builds the named activation; unknown names and parameters get a "did you mean" message. */
  public static Activation named(String name, Map<String, Double> params) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    Set<String> allowed = parameters(key);
    for (String p : params.keySet()) {
      if (!allowed.contains(p)) {
        throw new IllegalArgumentException(allowed.isEmpty()
            ? "activation '" + key + "' takes no parameters, got '" + p + "'"
            : Names.unknown("parameter of " + key, p, allowed));
      }
    }
    switch (key) {
      case "leaky_relu":
        return new LeakyRelu(params.getOrDefault("slope", LeakyRelu.DEFAULT_SLOPE));
      case "elu":
        return new Elu(params.getOrDefault("alpha", 1.0));
      default:
        for (StandardActivation a : StandardActivation.values()) {
          if (a.describe().equals(key)) {
            return a;
          }
        }
        throw new IllegalArgumentException(Names.unknown("activation", name, names()));
    }
  }
}
