package sigprop.theory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sigprop.net.Names;

/** Where the norm sits relative to the activation. */
public enum Placement {
  /** y = φ(norm(z)): φ sees unit-variance input. */
  BEFORE_ACTIVATION,
  /** y = norm(φ(z)): the next layer sees unit-variance input. */
  AFTER_ACTIVATION;

  /** The config name, e.g. {@code before_activation}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses before_activation or after_activation, also as before or after. */
  public static Placement fromKey(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (Placement p : values()) {
      if (p.key().equals(k) || p.key().equals(k + "_activation")) {
        return p;
      }
    }
    throw new IllegalArgumentException(Names.unknown("norm placement", key, keys()));
  }

  /** Every valid name. */
  public static List<String> keys() {
    List<String> keys = new ArrayList<>();
    for (Placement p : values()) {
      keys.add(p.key());
    }
    return keys;
  }
}
