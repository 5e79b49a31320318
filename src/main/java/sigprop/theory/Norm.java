package sigprop.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sigprop.net.Names;

/** The normalization in each hidden layer. */
public enum Norm {
  /** No normalization. */
  NONE,
  /** Batch norm: per unit over the batch (γ = 1, β = 0 at init). */
  BATCH,
  /** Layer norm: per example over the units (γ = 1, β = 0 at init). */
  LAYER;

  /** The config name, e.g. {@code batch}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name; unknown names get the closest valid one suggested. */
  public static Norm fromKey(String key) {
    for (Norm n : values()) {
      if (n.key().equals(key.trim().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new IllegalArgumentException(Names.unknown("norm", key, keys()));
  }

  /** Every valid name. */
  public static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Norm n : values()) {
      keys.add(n.key());
    }
    return keys;
  }
}
