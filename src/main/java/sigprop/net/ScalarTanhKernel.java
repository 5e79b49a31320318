package sigprop.net;

/** {@link TanhKernel} by plain loops over {@link Tanh}: the reference and the fallback. */
final class ScalarTanhKernel implements TanhKernel {
  static final ScalarTanhKernel INSTANCE = new ScalarTanhKernel();

  private ScalarTanhKernel() {}

  @Override
  public void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = Tanh.tanh(x[xOff + i]);
    }
  }

  @Override
  public void tanhWithDerivative(double[] x, int xOff, double[] y, int yOff, double[] d,
      int dOff, int n) {
    for (int i = 0; i < n; i++) {
      double v = Tanh.tanh(x[xOff + i]);
      y[yOff + i] = v;
      d[dOff + i] = Tanh.derivative(x[xOff + i], v);
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
