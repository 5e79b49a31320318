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
}
