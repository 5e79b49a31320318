package sigprop.net;

import java.util.Locale;

/** Which normalization a hidden layer applies. */
public enum Norm {
  /** No normalization. */
  NONE,
  /** Batch norm (Ioffe and Szegedy 2015): per unit over the batch, training-mode statistics. */
  BATCH,
  /** Layer norm (Ba et al. 2016): per example over the layer's units. */
  LAYER;

  /** The config name. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name (placements also without the _activation suffix). */
  public static Norm fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (Norm p : values()) {
      if (p.key().equals(k)) {
        return p;
      }
    }
    throw new IllegalArgumentException(Names.unknown("norm", key, keys()));
  }

  /** Every config name. */
  public static java.util.List<String> keys() {
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (Norm p : values()) {
      keys.add(p.key());
    }
    return keys;
  }
}
