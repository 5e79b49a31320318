package sigprop.net;

import java.util.Locale;

/** Where a hidden layer's norm sits relative to its activation. */
public enum NormPlacement {
  /** dense → norm → φ (Ioffe and Szegedy 2015; the default). */
  BEFORE_ACTIVATION,
  /** dense → φ → norm. */
  AFTER_ACTIVATION;

  /** The config name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name (placements also without the _activation suffix). */
  public static NormPlacement fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (NormPlacement p : values()) {
      if (p.key().equals(k) || p.key().equals(k + "_activation")) {
        return p;
      }
    }
    throw new IllegalArgumentException(Names.unknown("norm placement", key, keys()));
  }

  /** Every config name. */
  public static java.util.List<String> keys() {
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (NormPlacement p : values()) {
      keys.add(p.key());
    }
    return keys;
  }
}
