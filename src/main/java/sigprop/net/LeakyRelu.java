package sigprop.net;

/** max(x, s·x) with slope s (default 0.01); φ′ = 1 for x > 0, else s. */
public record LeakyRelu(double slope) implements Activation {
  /** PyTorch's default negative slope. */
  public static final double DEFAULT_SLOPE = 0.01;

  public LeakyRelu {
    if (!(slope >= 0) || Double.isInfinite(slope)) {
      throw new IllegalArgumentException("leaky_relu slope must be finite and >= 0, got " + slope);
    }
  }

  @Override
  public double apply(double x) {
    return x > 0 ? x : slope * x;
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1.0 : slope;
  }

  @Override
  public double bound() {
    return Double.POSITIVE_INFINITY;
  }

  /** √(2 / (1 + s²)). */
  @Override
  public double gain() {
    return Math.sqrt(2.0 / (1.0 + slope * slope));
  }

  @Override
  public String describe() {
    return "leaky_relu(slope=" + slope + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
