package sigprop.summary;

import java.util.Objects;

/** Where a summary row sits: configuration, training step, layer (L+1 = head) and site. */
public record LayerKey(String sweep, String configId, int step, int layer, boolean head,
    String site) {

  /** Checks the identity is given. */
  public LayerKey {
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(site, "site");
  }
}
