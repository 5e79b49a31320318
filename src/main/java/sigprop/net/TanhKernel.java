package sigprop.net;

/**
 * Bulk tanh (and its derivative) over array ranges, with exactly the bits of {@link Tanh}'s
 * scalar functions; {@link TanhKernels#best()} picks the implementation.
 */
interface TanhKernel {
  /** y[yOff + i] = tanh x[xOff + i] for i &lt; n. */
  void tanh(double[] x, int xOff, double[] y, int yOff, int n);

  /** As {@link #tanh}, also d[dOff + i] = tanh′ at x[xOff + i] (Tanh.derivative's value). */
  void tanhWithDerivative(double[] x, int xOff, double[] y, int yOff, double[] d, int dOff,
      int n);

  /** A short name for logs. */
  String name();
}
