package sigprop.net;

import java.util.Locale;

/** A place in a layer where a tensor is produced and may be recorded. */
public enum Site {
  /** z = x·W + b, the dense layer's output before any norm or activation. */
  PRE_ACTIVATION,
  /** The norm layer's output (γ·x̂ + β); only present in layers with a norm. */
  NORMALIZED,
  /** The layer's output after activation and norm: what the next layer reads. */
  OUTPUT,
  /** ∂L/∂output, the gradient arriving at the layer's output. */
  OUTPUT_GRADIENT,
  /**
   * ∂L/∂z, the gradient with respect to the dense layer's output z = x·W + b (the {@link
   * #PRE_ACTIVATION} site), before any norm: φ′(z)⊙∂L/∂y without a norm, the norm's backward of
   * φ′⊙∂L/∂y with one. Glorot and Bengio's (2010) back-propagated gradient ∂Cost/∂s (eq. 2).
   */
  PRE_ACTIVATION_GRADIENT,
  /** The dense layer's weights W (fanIn × fanOut). */
  WEIGHT,
  /** ∂L/∂W. */
  WEIGHT_GRADIENT;

  /** The config / table name, e.g. {@code output_gradient}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a config name, case-insensitively. */
  public static Site fromKey(String key) {
    return valueOf(key.trim().toUpperCase(Locale.ROOT));
  }
}
