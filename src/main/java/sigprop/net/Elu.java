package sigprop.net;

/** ELU (Clevert et al. 2016): x for x > 0, α(eˣ − 1) otherwise; φ′ = 1 or αeˣ = y + α. */
public record Elu(double alpha) implements Activation {
  public Elu {
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("elu alpha must be finite and >= 0, got " + alpha);
    }
  }

  @Override
  public double apply(double x) {
    return x > 0 ? x : alpha * Math.expm1(x);
  }

  @Override
  public double derivative(double x, double y) {
    return x > 0 ? 1.0 : alpha * Math.exp(x);
  }

  @Override
  public double bound() {
    return Double.POSITIVE_INFINITY;
  }

  /** PyTorch has no gain for ELU and uses 1. */
  @Override
  public double gain() {
    return 1.0;
  }

  @Override
  public String describe() {
    return "elu(alpha=" + alpha + ")";
  }

  @Override
  public String toString() {
    return describe();
  }
}
