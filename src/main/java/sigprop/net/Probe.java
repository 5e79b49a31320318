package sigprop.net;

/**
 * Sees every tensor the network produces, as it is produced, so statistics stream and no layer's
 * tensor is kept only to be summarized. Calls arrive in a fixed order: forward from layer 1 up
 * (pre-activation, weight, normalized, output), then backward from the top down (output
 * gradient, pre-activation gradient, weight gradient).
 *
 * <p>The tensor's true value is {@code values · 2^log2Scale}: backprop keeps gradients in range by
 * exact power-of-two rescaling, so a gradient of magnitude 1e-400 or 1e+400 still arrives finite.
 * The probe must not keep or modify {@code values} after the call returns.
 */
public interface Probe {
  /** A probe that records nothing. */
  Probe NONE = new Probe() {
    @Override
    public boolean wants(int layer, Site site) {
      return false;
    }

    @Override
    public void record(int layer, Site site, Matrix values, int log2Scale) {}
  };

  /** Whether {@code record} should be called for this layer and site (lets the net skip work). */
  boolean wants(int layer, Site site);

  /**
   * A tensor at a site. Layers are numbered 1..L for hidden layers and L+1 for the output head.
   */
  void record(int layer, Site site, Matrix values, int log2Scale);

  /**
   * The layer's mean squared singular value of its Jacobian, ‖W·diag(φ′)‖²_F / min(fan_in,
   * fan_out) averaged over the batch (Glorot and Bengio 2010, §4.2.2; a fan_in × fan_out W has
   * min(fan_in, fan_out) singular values), reported once per forward pass.
   */
  default void recordJacobian(int layer, double meanSquaredSingularValue) {}
}
