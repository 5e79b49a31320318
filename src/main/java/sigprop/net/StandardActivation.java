package sigprop.net;

import java.util.Locale;

/** The parameter-free activations, each with φ and φ′ written side by side. */
public enum StandardActivation implements Activation {
  /**
   * tanh(x) by {@link Tanh} (within 2 ulp, one exponential); φ′ = 1 − y², or 4e/(1 + e)² with
   * e = exp(−2|x|) once |y| ≥ 1/2, where 1 − y² would cancel (and become exactly 0 for |x| > 19
   * while sech²x is still 1e-16). The bulk methods run a vectorized kernel with the same bits.
   */
  TANH(1.0, 5.0 / 3.0) {
    @Override public double apply(double x) { return Tanh.tanh(x); }
    @Override public double derivative(double x, double y) { return Tanh.derivative(x, y); }
    @Override public void applyAll(double[] x, int xOff, double[] y, int yOff, int n) {
      TanhKernels.best().tanh(x, xOff, y, yOff, n);
    }
    @Override public void applyAllWithDerivative(double[] x, int xOff, double[] y, int yOff,
        double[] d, int dOff, int n) {
      TanhKernels.best().tanhWithDerivative(x, xOff, y, yOff, d, dOff, n);
    }
  },
  /**
   * max(0, x), NaN kept as NaN (as torch.relu does: a diverged layer must not read as zeros);
   * φ′ = 1 for x > 0, else 0.
   */
  RELU(Double.POSITIVE_INFINITY, Math.sqrt(2.0)) {
    @Override public double apply(double x) { return x <= 0 ? 0.0 : x; }
    @Override public double derivative(double x, double y) { return x > 0 ? 1.0 : 0.0; }
  },
  /**
   * SELU (Klambauer et al. 2017): λ·x for x > 0, λα(eˣ − 1) otherwise; φ′ = λ or λαeˣ = y + λα.
   */
  SELU(Double.POSITIVE_INFINITY, 0.75) {
    @Override public double apply(double x) {
      return x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA * SELU_ALPHA * Math.expm1(x);
    }
    @Override public double derivative(double x, double y) {
      return x > 0 ? SELU_LAMBDA : SELU_LAMBDA * SELU_ALPHA * Math.exp(x);
    }
  },
  /** Exact GELU x·Φ(x) with the Gaussian CDF Φ (not the tanh approximation); φ′ = Φ(x) + x·ϕ(x). */
  GELU(Double.POSITIVE_INFINITY, 1.0) {
    @Override public double apply(double x) { return x * Gaussian.cdf(x); }
    @Override public double derivative(double x, double y) {
      return Gaussian.cdf(x) + x * Gaussian.pdf(x);
    }
  },
  /** 1 / (1 + e⁻ˣ); φ′ = e/(1 + e)² with e = exp(−|x|), exact in both tails, unlike y(1 − y). */
  SIGMOID(1.0, 1.0) {
    @Override public double apply(double x) {
      return x >= 0 ? 1.0 / (1.0 + Math.exp(-x)) : Math.exp(x) / (1.0 + Math.exp(x));
    }
    @Override public double derivative(double x, double y) {
      double e = Math.exp(-Math.abs(x));
      double d = 1.0 + e;
      return e / (d * d);
    }
    @Override public double lowerBound() { return 0.0; }
  },
  /** x / (1 + |x|) (Bergstra et al. 2009, used by Glorot and Bengio 2010); φ′ = 1 / (1 + |x|)². */
  SOFTSIGN(1.0, 1.0) {
    @Override public double apply(double x) { return x / (1.0 + Math.abs(x)); }
    @Override public double derivative(double x, double y) {
      double d = 1.0 + Math.abs(x);
      return 1.0 / (d * d);
    }
  },
  /** x; φ′ = 1. */
  LINEAR(Double.POSITIVE_INFINITY, 1.0) {
    @Override public double apply(double x) { return x; }
    @Override public double derivative(double x, double y) { return 1.0; }
  };

  /** SELU's λ (Klambauer et al. 2017, as in PyTorch). */
  public static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
  /** SELU's α. */
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

  private final double bound;
  private final double gain;

  StandardActivation(double bound, double gain) {
    this.bound = bound;
    this.gain = gain;
  }

  @Override
  public double bound() {
    return bound;
  }

  @Override
  public double gain() {
    return gain;
  }

  @Override
  public String describe() {
    return name().toLowerCase(Locale.ROOT);
  }
}
