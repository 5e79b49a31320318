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
}
