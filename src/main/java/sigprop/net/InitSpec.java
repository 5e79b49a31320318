package sigprop.net;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An init scheme with its parameters resolved against the scheme's defaults, e.g.
 * {@code xavier_normal(gain=1.0)}. Immutable; validated on construction.
 */
public final class InitSpec {
  private final InitScheme scheme;
  private final Map<String, Object> params;

  private InitSpec(InitScheme scheme, Map<String, Object> params) {
    this.scheme = scheme;
    this.params = params;
  }

  /** The scheme with all default parameters. */
  public static InitSpec of(InitScheme scheme) {
    return of(scheme, Map.of());
  }

  /** The scheme with some parameters overridden; unknown or ill-typed parameters throw. */
  public static InitSpec of(InitScheme scheme, Map<String, ?> overrides) {
    Map<String, Object> p = new LinkedHashMap<>(scheme.defaults());
    for (Map.Entry<String, ?> e : overrides.entrySet()) {
      String key = e.getKey();
      Object def = scheme.defaults().get(key);
      if (def == null) {
        throw new IllegalArgumentException(scheme.defaults().isEmpty()
            ? "init '" + scheme.key() + "' takes no parameters, got '" + key + "'"
            : Names.unknown("parameter of init " + scheme.key(), key, scheme.defaults().keySet()));
      }
      p.put(key, checked(scheme, key, def, e.getValue()));
    }
    return new InitSpec(scheme, Collections.unmodifiableMap(p));
  }

  private static Object checked(InitScheme scheme, String key, Object def, Object value) {
    String where = "init " + scheme.key() + "." + key;
    if (def instanceof Double) {
      if (!(value instanceof Number)) {
        throw new IllegalArgumentException(where + " must be a number, got '" + value + "'");
      }
      double v = ((Number) value).doubleValue();
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(where + " must be finite, got " + v);
      }
      boolean signed = key.equals("value");
      if (!signed && v < 0) {
        throw new IllegalArgumentException(where + " must be >= 0, got " + v);
      }
      if (key.equals("fraction") && v > 1) {
        throw new IllegalArgumentException(where + " must be in [0, 1], got " + v);
      }
      if (key.equals("bound") && v <= 0) {
        throw new IllegalArgumentException(where + " must be > 0, got " + v);
      }
      return v;
    }
    String word = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    List<String> allowed = InitScheme.WORDS.get(key);
    if (!allowed.contains(word)) {
      throw new IllegalArgumentException(where + ": " + Names.unknown(key, word, allowed));
    }
    return word;
  }

  /** The scheme the weights or biases are drawn by. */
  public InitScheme scheme() {
    return scheme;
  }

  /** The resolved parameters (defaults included), in the scheme's order. */
  public Map<String, Object> params() {
    return params;
  }

  /** A numeric parameter. */
  public double number(String key) {
    return (Double) params.get(key);
  }

  /** A word parameter (mode, distribution, nonlinearity). */
  public String word(String key) {
    return (String) params.get(key);
  }

  /**
   * Whether a parameter can change the weights: each does, except Kaiming's {@code slope}, which
   * enters the gain only with {@code nonlinearity: leaky_relu}.
   */
  public boolean takes(String parameter) {
    return !(parameter.equals("slope") && params.containsKey("nonlinearity")
        && !word("nonlinearity").equals("leaky_relu"));
  }

  /** Fills a fanIn × fanOut weight matrix from the given stream. */
  public void fill(Matrix w, SplittableRandom rng) {
    scheme.fill(w, this, rng);
  }

  /** E[w²] of one entry for this shape. */
  public double meanSquare(int fanIn, int fanOut) {
    return scheme.meanSquare(fanIn, fanOut, this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InitSpec && ((InitSpec) o).scheme == scheme
        && ((InitSpec) o).params.equals(params);
  }

  @Override
  public int hashCode() {
    return scheme.hashCode() * 31 + params.hashCode();
  }

  /** E.g. {@code xavier_normal(gain=1.0)} or {@code glorot_standard}. */
  @Override
  public String toString() {
    if (params.isEmpty()) {
      return scheme.key();
    }
    StringBuilder b = new StringBuilder(scheme.key()).append('(');
    String sep = "";
    for (Map.Entry<String, Object> e : params.entrySet()) {
      b.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = ", ";
    }
    return b.append(')').toString();
  }
}
