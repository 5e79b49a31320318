package sigprop.net;

/**
 * One dense layer z = x·W + b followed by an optional norm and an activation, either
 * z → norm → φ (before) or z → φ → norm (after). It keeps only z (batch × fanOut) and the norm's
 * means and inverse stds; backprop recomputes the rest from z with the same code, so the
 * recomputed values are bit-identical to the forward ones.
 */
public final class Layer {
  private final int index;
  private final int batch;
  private final Parameter weight;
  private final Parameter bias;
  private final Activation activation;
  private final NormLayer norm;
  private final NormPlacement placement;
  private final Matrix z;

  Layer(int index, int batch, Matrix w, Matrix b, Activation activation, NormLayer norm,
      NormPlacement placement) {
    this.index = index;
    this.batch = batch;
    this.weight = new Parameter("weight", w);
    this.bias = new Parameter("bias", b);
    this.activation = activation;
    this.norm = norm;
    this.placement = placement;
    this.z = new Matrix(batch, w.cols);
  }

  /** 1-based layer number; the output head is depth + 1. */
  public int index() {
    return index;
  }

  public int fanIn() {
    return weight.value().rows;
  }

  public int fanOut() {
    return weight.value().cols;
  }

  public Parameter weight() {
    return weight;
  }

  public Parameter bias() {
    return bias;
  }

  public Activation activation() {
    return activation;
  }

  /** The norm, or null. */
  public NormLayer norm() {
    return norm;
  }

  /**
   * Forward from {@code in} (batch × fanIn): computes and keeps z, writes the layer output to
   * {@code out} and the intermediate (norm output or φ(z), as placed) to {@code mid}.
   */
  void forward(Matrix in, Matrix mid, Matrix out, MatMul mm, Probe probe) {
    mm.ab(in, weight.value(), z);
    addBias(z, bias.value());
    if (probe.wants(index, Site.PRE_ACTIVATION)) {
      probe.record(index, Site.PRE_ACTIVATION, z, 0);
    }
    if (probe.wants(index, Site.WEIGHT)) {
      probe.record(index, Site.WEIGHT, weight.value(), 0);
    }
    fromZ(mid, out, true);
    if (norm != null && probe.wants(index, Site.NORMALIZED)) {
      probe.record(index, Site.NORMALIZED, placement == NormPlacement.BEFORE_ACTIVATION ? mid : out,
          0);
    }
    if (probe.wants(index, Site.OUTPUT)) {
      probe.record(index, Site.OUTPUT, out, 0);
    }
    if (probe != Probe.NONE) {
      probe.recordJacobian(index, jacobianMeanSquaredSingularValue(mid, out));
    }
  }

  /** Recomputes the layer's intermediate and output from the kept z (for backprop). */
  void recompute(Matrix mid, Matrix out) {
    fromZ(mid, out, false);
  }

  private void fromZ(Matrix mid, Matrix out, boolean fresh) {
    if (norm == null) {
      applyActivation(z, out);
    } else if (placement == NormPlacement.BEFORE_ACTIVATION) {
      if (fresh) {
        norm.forward(z, mid);
      } else {
        norm.apply(z, mid);
      }
      applyActivation(mid, out);
    } else {
      applyActivation(z, mid);
      if (fresh) {
        norm.forward(mid, out);
      } else {
        norm.apply(mid, out);
      }
    }
  }

  private void applyActivation(Matrix in, Matrix out) {
    double[] x = in.data;
    double[] y = out.data;
    for (int i = 0; i < x.length; i++) {
      y[i] = activation.apply(x[i]);
    }
  }

  /**
   * Backprop through the layer, after {@link #recompute} filled {@code mid} and {@code out}.
   * {@code gOut} is ∂L/∂out·2^{-scale}; writes ∂L/∂in·2^{-scale} to {@code gIn} (unless null),
   * and hands the parameter gradients (same scale) to the sink only after every use of the
   * parameters, so an optimizer may update them in place.
   */
  void backward(Matrix in, Matrix mid, Matrix out, Matrix gOut, int scale, Matrix gIn,
      Scratch scratch, MatMul mm, Probe probe, GradientSink sink) {
    if (probe.wants(index, Site.OUTPUT_GRADIENT)) {
      probe.record(index, Site.OUTPUT_GRADIENT, gOut, scale);
    }
    Matrix gZ = scratch.get(batch, fanOut(), Scratch.GRAD_Z);
    Matrix dGamma = null;
    Matrix dBeta = null;
    if (norm == null) {
      multiplyByDerivative(gOut, z, out, gZ);
    } else {
      Matrix gMid = scratch.get(batch, fanOut(), Scratch.GRAD_MID);
      dGamma = scratch.get(1, fanOut(), Scratch.GRAD_GAMMA);
      dBeta = scratch.get(1, fanOut(), Scratch.GRAD_BETA);
      if (placement == NormPlacement.BEFORE_ACTIVATION) {
        multiplyByDerivative(gOut, mid, out, gMid);
        norm.backward(z, gMid, gZ, dGamma, dBeta);
      } else {
        norm.backward(mid, gOut, gMid, dGamma, dBeta);
        multiplyByDerivative(gMid, z, mid, gZ);
      }
    }
    Matrix dW = scratch.get(fanIn(), fanOut(), Scratch.GRAD_WEIGHT);
    mm.aTb(in, gZ, dW);
    Matrix dB = scratch.get(1, fanOut(), Scratch.GRAD_BIAS);
    columnSums(gZ, dB);
    if (gIn != null) {
      mm.abT(gZ, weight.value(), gIn);
    }
    if (probe.wants(index, Site.WEIGHT_GRADIENT)) {
      probe.record(index, Site.WEIGHT_GRADIENT, dW, scale);
    }
    if (norm != null) {
      sink.accept(index, norm.gamma(), dGamma, scale);
      sink.accept(index, norm.beta(), dBeta, scale);
    }
    sink.accept(index, weight, dW, scale);
    sink.accept(index, bias, dB, scale);
  }

  /** g ⊙ φ′(x), with y = φ(x). */
  private void multiplyByDerivative(Matrix g, Matrix x, Matrix y, Matrix result) {
    double[] gd = g.data;
    double[] xd = x.data;
    double[] yd = y.data;
    double[] r = result.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = gd[i] * activation.derivative(xd[i], yd[i]);
    }
  }

  /**
   * ‖W·diag(φ′)‖²_F / min(fanIn, fanOut) averaged over the batch: the mean squared singular value
   * of the dense-plus-activation Jacobian (Glorot and Bengio 2010, §4.2.2; the norm is left out).
   */
  private double jacobianMeanSquaredSingularValue(Matrix mid, Matrix out) {
    Matrix x = norm != null && placement == NormPlacement.BEFORE_ACTIVATION ? mid : z;
    Matrix y = norm != null && placement == NormPlacement.AFTER_ACTIVATION ? mid : out;
    double[] w = weight.value().data;
    int n = fanOut();
    double[] columnNorms = new double[n];
    for (int i = 0; i < fanIn(); i++) {
      for (int j = 0; j < n; j++) {
        double v = w[i * n + j];
        columnNorms[j] += v * v;
      }
    }
    double total = 0;
    for (int s = 0; s < batch; s++) {
      for (int j = 0; j < n; j++) {
        double d = activation.derivative(x.data[s * n + j], y.data[s * n + j]);
        total += d * d * columnNorms[j];
      }
    }
    return total / batch / Math.min(fanIn(), fanOut());
  }

  private static void addBias(Matrix z, Matrix b) {
    double[] zd = z.data;
    double[] bd = b.data;
    int n = z.cols;
    for (int i = 0; i < z.rows; i++) {
      int r = i * n;
      for (int j = 0; j < n; j++) {
        zd[r + j] += bd[j];
      }
    }
  }

  private static void columnSums(Matrix g, Matrix sums) {
    double[] s = sums.data;
    java.util.Arrays.fill(s, 0.0);
    int n = g.cols;
    for (int i = 0; i < g.rows; i++) {
      int r = i * n;
      for (int j = 0; j < n; j++) {
        s[j] += g.data[r + j];
      }
    }
  }

  @Override
  public String toString() {
    return "Layer " + index + " " + fanIn() + "->" + fanOut() + " " + activation.describe()
        + (norm == null ? "" : " " + norm + " " + placement.key());
  }
}
