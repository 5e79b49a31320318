package sigprop.net;

/** Mean squared error over all entries, L = (1/(B·C)) Σ (o − t)²; ∂L/∂o = 2(o − t)/(B·C). */
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
  public void gradient(Matrix output, Matrix gradient) {
    check(output);
    double k = 2.0 / output.data.length;
    for (int i = 0; i < output.data.length; i++) {
      gradient.data[i] = k * (output.data[i] - targets.data[i]);
    }
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
