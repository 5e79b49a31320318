package sigprop.net;

/**
 * Mean squared error over all entries, L = (1/(B·C)) Σ (o − t)²; ∂L/∂o = 2(o − t)/(B·C), handed
 * over in units of 4 where it passes double's range.
 */
public final class MeanSquaredErrorLoss implements Loss {
  private final Matrix targets;

  /** Targets of the output's shape. */
  public MeanSquaredErrorLoss(Matrix targets) {
    this.targets = targets.copy();
  }

  @Override
  public double value(Matrix output) {
    check(output);
    double s = 0;
    for (int i = 0; i < output.data.length; i++) {
      double d = output.data[i] - targets.data[i];
      s += d * d;
    }
    if (Double.isInfinite(s)) { // squares past the range may have a mean within it
      return Math.scalb(scaledSumOfSquares(output) / output.data.length, 2 * SCALE);
    }
    return s / output.data.length;
  }

  /**
   * Differences in units of 2^600 when their squares overflow: each square is then below
   * 2^848, so no sum of them does, while any square small enough to vanish is below 2^-1000
   * of the total.
   */
  private static final int SCALE = 600;

  /** Σ ((o − t)·2^-SCALE)², the sum of squares in units of 2^(2·SCALE) (NaN or ∞ stay so). */
  private double scaledSumOfSquares(Matrix output) {
    double s = 0;
    for (int i = 0; i < output.data.length; i++) {
      double d = Math.scalb(output.data[i] - targets.data[i], -SCALE);
      s += d * d;
    }
    return s;
  }

  @Override
  public int gradient(Matrix output, Matrix gradient) {
    check(output);
    double k = 2.0 / output.data.length;
    boolean overflowed = false;
    for (int i = 0; i < output.data.length; i++) {
      double o = output.data[i];
      double t = targets.data[i];
      double g = k * (o - t);
      gradient.data[i] = g;
      overflowed |= Double.isInfinite(g) && Double.isFinite(o) && Double.isFinite(t);
    }
    if (!overflowed) {
      return 0;
    }
    // An output near ±1.8e308 (and one example, k = 2, or a target of the other sign): in
    // units of 4, |o/4 − t/4| ≤ 2^1023 and k ≤ 2 keep every entry finite; dividing by 4 changes
    // no bits of a normal double.
    for (int i = 0; i < output.data.length; i++) {
      gradient.data[i] = k * (Math.scalb(output.data[i], -2) - Math.scalb(targets.data[i], -2));
    }
    return 2;
  }

  private void check(Matrix output) {
    if (!output.sameShape(targets)) {
      throw new IllegalArgumentException("output " + output + " vs targets " + targets);
    }
  }

  @Override
  public String toString() {
    return "mse";
  }
}
