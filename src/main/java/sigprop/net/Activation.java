package sigprop.net;

/**
 * An elementwise nonlinearity φ with its derivative side by side.
 *
 * <p>{@link #derivative(double, double)} takes both the input x and the output y = φ(x), so each
 * activation uses whichever is cheaper and exact (tanh: 1 − y² where |y| &lt; 1/2; sigmoid:
 * e/(1 + e)² with e = exp(−|x|), since y(1 − y) cancels in the upper tail). At kinks
 * (all at 0: relu, leaky relu, elu with α ≠ 1, selu) the derivative takes the left-hand value:
 * 0 for relu, the slope for leaky relu, α for elu, λα for selu, as PyTorch does.
 */
public interface Activation {
  /** φ(x). */
  double apply(double x);

  /** φ′(x), given x and y = φ(x). */
  double derivative(double x, double y);

  /** y[yOff + i] = φ(x[xOff + i]) for i &lt; n, with the bits of {@link #apply}. */
  default void applyAll(double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = apply(x[xOff + i]);
    }
  }

  /**
   * As {@link #applyAll}, also writing d[dOff + i] = φ′ with the bits of {@link #derivative}:
   * one pass, so an activation can share work between the two (tanh shares its exponential).
   */
  default void applyAllWithDerivative(double[] x, int xOff, double[] y, int yOff, double[] d,
      int dOff, int n) {
    for (int i = 0; i < n; i++) {
      double v = apply(x[xOff + i]);
      y[yOff + i] = v;
      d[dOff + i] = derivative(x[xOff + i], v);
    }
  }

  /**
   * sup |φ|, the upper end of the range that saturation is measured in and output histograms
   * bin; +∞ for unbounded activations.
   */
  double bound();

  /**
   * inf φ, the lower end of that range: −{@link #bound()} for the
   * activations symmetric about 0 (tanh, softsign), 0 for sigmoid. Only read where
   * {@link #bound()} is finite.
   */
  default double lowerBound() {
    return -bound();
  }

  /** PyTorch's {@code torch.nn.init.calculate_gain} for this nonlinearity. */
  double gain();

  /** The config name with parameters, e.g. {@code leaky_relu(slope=0.01)}. */
  String describe();

  /** Parses a name such as {@code tanh}, {@code leaky_relu} (slope 0.01) or {@code elu}. */
  static Activation named(String name, java.util.Map<String, Double> params) {
    return Activations.named(name, params);
  }
}
