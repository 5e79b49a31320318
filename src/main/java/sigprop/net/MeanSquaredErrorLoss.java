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
    return s / output.data.length;
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
