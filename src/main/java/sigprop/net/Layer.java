package sigprop.net;

import java.util.Arrays;

/**
 * One dense layer z = x·W + b followed by an optional norm and an activation, either
 * z → norm → φ (before) or z → φ → norm (after). Between forward and backward it keeps only z
 * (batch × fanOut, in the network's {@link KeptTensors}) and the norm's means and inverse stds;
 * backprop recomputes the rest from z with the same code, so the recomputed values are
 * bit-identical to the forward ones. Its weights are kept, or drawn again from the layer's seeded
 * stream at each use ({@link WeightMode#REDRAWN}).
 *
 * <p>The elementwise work runs as a few whole-tensor passes written to vectorize: the activation
 * and its derivative come out of one pass ({@link Activation#applyAllWithDerivative}), and a
 * derivative is computed once per pass and layer, not again for every use.
 */
public final class Layer {
  private final int index;
  private final int batch;
  private final int fanIn;
  private final int fanOut;
  private final Parameter weight;
  private final InitSpec weightInit;
  private final long seed;
  private final Parameter bias;
  private final Activation activation;
  private final NormLayer norm;
  private final NormPlacement placement;
  private final KeptTensors kept;

  /**
   * Layer {@code index} of a network built from {@code seed}; {@code w} is its weight matrix, or
   * null when the weights are redrawn from (seed, index, WEIGHTS) by {@code weightInit}.
   */
  Layer(int index, int batch, int fanIn, int fanOut, Matrix w, InitSpec weightInit, long seed,
      Matrix b, Activation activation, NormLayer norm, NormPlacement placement,
      KeptTensors kept) {
    this.index = index;
    this.batch = batch;
    this.fanIn = fanIn;
    this.fanOut = fanOut;
    this.weight = w == null ? null : new Parameter("weight", w);
    this.weightInit = weightInit;
    this.seed = seed;
    this.bias = new Parameter("bias", b);
    this.activation = activation;
    this.norm = norm;
    this.placement = placement;
    this.kept = kept;
  }

  /** 1-based layer number; the output head is depth + 1. */
  public int index() {
    return index;
  }

  /** Inputs per example: the previous layer's width, or the input's for layer 1. */
  public int fanIn() {
    return fanIn;
  }

  /** Outputs per example: this layer's width. */
  public int fanOut() {
    return fanOut;
  }

  /** Whether the weights are kept ({@link WeightMode#KEPT}) rather than redrawn. */
  public boolean weightsKept() {
    return weight != null;
  }

  /** The kept weights; throws for a network that redraws them. */
  public Parameter weight() {
    if (weight == null) {
      throw new IllegalStateException("layer " + index + " redraws its weights at each use"
          + " (WeightMode.REDRAWN): there is no kept weight matrix to read or update");
    }
    return weight;
  }

  /** The bias, 1 × fanOut. */
  public Parameter bias() {
    return bias;
  }

  /** φ: the hidden activation, or the output head's. */
  public Activation activation() {
    return activation;
  }

  /** The norm, or null. */
  public NormLayer norm() {
    return norm;
  }

  /** The weights for this use: the kept matrix, or a fresh draw into scratch. */
  private Matrix weights(Scratch scratch) {
    if (weight != null) {
      return weight.value();
    }
    Matrix w = scratch.get(fanIn, fanOut, Scratch.WEIGHTS);
    weightInit.fill(w, RandomStreams.of(seed, index, Purpose.WEIGHTS));
    return w;
  }

  /**
   * Forward from {@code in} (batch × fanIn): computes and keeps z, writes the layer output to
   * {@code out} and the intermediate (norm output or φ(z), as placed) to {@code mid}; {@code
   * deriv} receives φ′ when the probe records anything (for the Jacobian diagnostic).
   */
  void forward(Matrix in, Matrix mid, Matrix out, Matrix deriv, Scratch scratch, MatMul mm,
      Probe probe) {
    Matrix w = weights(scratch);
    Matrix z = scratch.get(batch, fanOut, Scratch.Z);
    mm.ab(in, w, z);
    addBiasAndKeep(z);
    if (probe.wants(index, Site.PRE_ACTIVATION)) {
      probe.record(index, Site.PRE_ACTIVATION, z, 0);
    }
    if (probe.wants(index, Site.WEIGHT)) {
      probe.record(index, Site.WEIGHT, w, 0);
    }
    boolean diagnose = probe != Probe.NONE;
    fromZ(z.data, 0, mid, out, diagnose ? deriv : null, true);
    if (norm != null && probe.wants(index, Site.NORMALIZED)) {
      probe.record(index, Site.NORMALIZED, placement == NormPlacement.BEFORE_ACTIVATION ? mid : out,
          0);
    }
    if (probe.wants(index, Site.OUTPUT)) {
      probe.record(index, Site.OUTPUT, out, 0);
    }
    if (diagnose) {
      probe.recordJacobian(index, jacobianMeanSquaredSingularValue(w, deriv));
    }
  }

  /**
   * Recomputes the layer's intermediate, output and φ′ from the kept z (for backprop), with the
   * same code as forward.
   */
  void recompute(Matrix mid, Matrix out, Matrix deriv) {
    fromZ(kept.array(index - 1), kept.offset(index - 1), mid, out, deriv, false);
  }

  /** z = z + b, copied to the kept tensors in the same pass. */
  private void addBiasAndKeep(Matrix z) {
    double[] zd = z.data;
    double[] bd = bias.value().data;
    double[] keep = kept.array(index - 1);
    int offset = kept.offset(index - 1);
    for (int i = 0; i < batch; i++) {
      int r = i * fanOut;
      int k = offset + r;
      for (int j = 0; j < fanOut; j++) {
        double v = zd[r + j] + bd[j];
        zd[r + j] = v;
        keep[k + j] = v;
      }
    }
  }

  /** Norm and activation from z at zd[zOff]; φ′ into deriv unless it is null. */
  private void fromZ(double[] zd, int zOff, Matrix mid, Matrix out, Matrix deriv,
      boolean fresh) {
    if (norm == null) {
      activate(zd, zOff, out, deriv);
    } else if (placement == NormPlacement.BEFORE_ACTIVATION) {
      if (fresh) {
        norm.forward(zd, zOff, mid);
      } else {
        norm.apply(zd, zOff, mid);
      }
      activate(mid.data, 0, out, deriv);
    } else {
      activate(zd, zOff, mid, deriv);
      if (fresh) {
        norm.forward(mid.data, 0, out);
      } else {
        norm.apply(mid.data, 0, out);
      }
    }
  }

  private void activate(double[] x, int xOff, Matrix y, Matrix deriv) {
    int n = batch * fanOut;
    if (deriv == null) {
      activation.applyAll(x, xOff, y.data, 0, n);
    } else {
      activation.applyAllWithDerivative(x, xOff, y.data, 0, deriv.data, 0, n);
    }
  }

  /**
   * Backprop through the layer, after {@link #recompute} filled {@code mid}, {@code out} and
   * {@code deriv}. {@code gOut} is ∂L/∂out·2^{-scale}; writes ∂L/∂in·2^{-(scale + t)} to {@code
   * gIn} (unless null) and returns t, 0 unless that product left double's normal range. Hands
   * the parameter gradients to the sink only after every use of the parameters, so an optimizer
   * may update them in place.
   */
  int backward(Matrix in, Matrix mid, Matrix deriv, Matrix gOut, int scale, Matrix gIn,
      Scratch scratch, MatMul mm, Probe probe, GradientSink sink) {
    if (probe.wants(index, Site.OUTPUT_GRADIENT)) {
      probe.record(index, Site.OUTPUT_GRADIENT, gOut, scale);
    }
    Matrix gZ = scratch.get(batch, fanOut, Scratch.GRAD_Z);
    Matrix dGamma = null;
    Matrix dBeta = null;
    if (norm == null) {
      multiply(gOut, deriv, gZ);
    } else {
      Matrix gMid = scratch.get(batch, fanOut, Scratch.GRAD_MID);
      dGamma = scratch.get(1, fanOut, Scratch.GRAD_GAMMA);
      dBeta = scratch.get(1, fanOut, Scratch.GRAD_BETA);
      if (placement == NormPlacement.BEFORE_ACTIVATION) {
        multiply(gOut, deriv, gMid);
        norm.backward(kept.array(index - 1), kept.offset(index - 1), gMid, gZ, dGamma, dBeta);
      } else {
        norm.backward(mid.data, 0, gOut, gMid, dGamma, dBeta);
        multiply(gMid, deriv, gZ);
      }
    }
    if (probe.wants(index, Site.PRE_ACTIVATION_GRADIENT)) {
      probe.record(index, Site.PRE_ACTIVATION_GRADIENT, gZ, scale);
    }
    // ∂L/∂W only where something takes it: a recorded pass that does not record it skips a
    // third of the layer's products.
    Matrix dW = null;
    int dWScale = scale;
    if (probe.wants(index, Site.WEIGHT_GRADIENT) || weight != null && sink != GradientSink.NONE) {
      dW = scratch.get(fanIn, fanOut, Scratch.GRAD_WEIGHT);
      mm.aTb(in, gZ, dW);
      if (leftNormalRange(dW)) {
        dWScale += weightGradientInRange(in, gZ, dW, scratch, mm);
      }
    }
    Matrix dB = scratch.get(1, fanOut, Scratch.GRAD_BIAS);
    columnSums(gZ, dB);
    int gInScale = 0;
    if (gIn != null) {
      Matrix w = weights(scratch);
      mm.abT(gZ, w, gIn);
      if (leftNormalRange(gIn)) {
        gInScale = inputGradientInRange(gZ, w, gIn, mm);
      }
    }
    if (probe.wants(index, Site.WEIGHT_GRADIENT)) {
      probe.record(index, Site.WEIGHT_GRADIENT, dW, dWScale);
    }
    if (norm != null) {
      sink.accept(index, norm.gamma(), dGamma, scale);
      sink.accept(index, norm.beta(), dBeta, scale);
    }
    if (weight != null && dW != null) {
      sink.accept(index, weight, dW, dWScale);
    }
    sink.accept(index, bias, dB, scale);
    return gInScale;
  }

  /**
   * Whether a product (dW or ∂L/∂in) has a value beyond double's range or its largest magnitude
   * lies within 2^64 of the subnormals, 0 included: an input near double's limit times a
   * carried gradient g̃ of order one overflows, though the true ∂L/∂W = inᵀ·g̃·2^s may be an
   * ordinary number (or beyond the range, which its scale can carry), and subnormal inputs lose
   * bits or every product; likewise g̃·Wᵀ with weights near 1e±300. One pass over the product.
   */
  private static boolean leftNormalRange(Matrix product) {
    // The largest |v| as its bits (their order is the magnitudes', NaN's above ∞): twice as fast
    // as Math.max over doubles, which C2 does not vectorize.
    long max = 0;
    for (double v : product.data) {
      max = Math.max(max, Double.doubleToRawLongBits(v) & Long.MAX_VALUE);
    }
    return max >= INFINITY_BITS || max < LOW_EDGE_BITS;
  }

  private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
  /** 2^64 above the smallest normal double: below it a product has lost bits, or all of them. */
  private static final long LOW_EDGE_BITS = Double.doubleToRawLongBits(
      Math.scalb(1.0, Double.MIN_EXPONENT + Network.DEFAULT_RESCALE_EXPONENT));

  /**
   * Forms dW again as (in·2^-t)ᵀ·g̃ with t = the exponents of max |in| plus max |g̃|, so its
   * largest values are of order one, and returns t, which joins the gradient's scale (dividing
   * by a power of two changes no bits but those of values pushed out of the normal range).
   * Non-finite inputs or gradients, or zero ones, leave dW as it is (t = 0): no power of two
   * fixes them.
   */
  private int weightGradientInRange(Matrix in, Matrix gZ, Matrix dW, Scratch scratch,
      MatMul mm) {
    int inExponent = largestExponent(in);
    int gradientExponent = largestExponent(gZ);
    if (inExponent == Integer.MIN_VALUE || gradientExponent == Integer.MIN_VALUE) {
      return 0;
    }
    int t = inExponent + gradientExponent;
    Matrix scaled = scratch.get(batch, fanIn, Scratch.SCALED_INPUT);
    for (int i = 0; i < scaled.data.length; i++) {
      scaled.data[i] = Math.scalb(in.data[i], -t);
    }
    mm.aTb(scaled, gZ, dW);
    return t;
  }

  /**
   * Forms ∂L/∂in again as (g̃z·2^-t)·Wᵀ with t = the exponents of max |g̃z| plus max |W|, so its
   * largest values are of order one, and returns t: weights beyond about 1e±288, or a g̃z
   * that φ′ made tiny (a sigmoid or elu layer whose every unit is deep in its flat side; g̃ is
   * within 2^±64 of one, g̃z need not be), pushed the product past double's range or into the
   * subnormals, though its true value is carried by the scale. g̃z is scaled in place: nothing
   * uses it after this. Zero or non-finite factors leave gIn as it is (t = 0).
   */
  private static int inputGradientInRange(Matrix gZ, Matrix w, Matrix gIn, MatMul mm) {
    int gradientExponent = largestExponent(gZ);
    if (gradientExponent == Integer.MIN_VALUE) {
      return 0;
    }
    int weightExponent = largestExponent(w);
    if (weightExponent == Integer.MIN_VALUE) {
      return 0;
    }
    int t = gradientExponent + weightExponent;
    for (int i = 0; i < gZ.data.length; i++) {
      gZ.data[i] = Math.scalb(gZ.data[i], -t);
    }
    mm.abT(gZ, w, gIn);
    return t;
  }

  /** The binary exponent of the largest |v|; Integer.MIN_VALUE if all are 0 or any not finite. */
  static int largestExponent(Matrix m) {
    double max = 0;
    for (double v : m.data) {
      max = Math.max(max, Math.abs(v));
    }
    return max > 0 && max <= Double.MAX_VALUE ? Math.getExponent(max) : Integer.MIN_VALUE;
  }

  /** result = g ⊙ d. */
  private static void multiply(Matrix g, Matrix d, Matrix result) {
    double[] gd = g.data;
    double[] dd = d.data;
    double[] r = result.data;
    for (int i = 0; i < r.length; i++) {
      r[i] = gd[i] * dd[i];
    }
  }

  /**
   * ‖W·diag(φ′)‖²_F / min(fanIn, fanOut) averaged over the batch: the mean squared singular value
   * of the dense-plus-activation Jacobian (Glorot and Bengio 2010, §4.2.2; the norm is left out).
   */
  private double jacobianMeanSquaredSingularValue(Matrix weights, Matrix deriv) {
    double[] w = weights.data;
    int n = fanOut;
    double[] columnNorms = new double[n];
    for (int i = 0; i < fanIn; i++) {
      int r = i * n;
      for (int j = 0; j < n; j++) {
        double v = w[r + j];
        columnNorms[j] += v * v;
      }
    }
    double[] d = deriv.data;
    double total = 0;
    if (squaresInRange(columnNorms)) {
      for (int s = 0; s < batch; s++) {
        int r = s * n;
        for (int j = 0; j < n; j++) {
          double dv = d[r + j];
          if (dv != 0) { // φ′ = 0 adds 0 even where a column's squared norm overflowed to ∞
            total += dv * dv * columnNorms[j];
          }
        }
      }
    } else {
      // Weights beyond about 1e±150: Σw² overflows (or loses bits), and a φ′ small enough to
      // match them (softsign's 1/(1 + |z|)²) squares to 0, so 0·∞ read NaN in an ok cell.
      // (φ′·‖w_j‖)² instead, from norms taken with a power of two out: ∞ or 0 only where the
      // true term is.
      double[] norms = columnLengths(w);
      for (int s = 0; s < batch; s++) {
        int r = s * n;
        for (int j = 0; j < n; j++) {
          double dv = d[r + j];
          if (dv != 0) {
            double t = dv * norms[j];
            total += t * t;
          }
        }
      }
    }
    return total / batch / Math.min(fanIn, fanOut);
  }

  /** Whether every squared column norm is 0 or a double well inside the normal range. */
  private static boolean squaresInRange(double[] squaredNorms) {
    for (double v : squaredNorms) {
      if (v != 0 && !(v > 0x1p-900 && v < 0x1p900)) {
        return false;
      }
    }
    return true;
  }

  /**
   * ‖w_j‖ for each column j of the fanIn × fanOut weights, each summed with its own largest
   * power of two out, so that neither its squares overflow nor a small column's vanish.
   */
  private double[] columnLengths(double[] w) {
    double[] max = new double[fanOut];
    for (int i = 0; i < fanIn; i++) {
      int r = i * fanOut;
      for (int j = 0; j < fanOut; j++) {
        max[j] = Math.max(max[j], Math.abs(w[r + j]));
      }
    }
    int[] exponents = new int[fanOut];
    for (int j = 0; j < fanOut; j++) {
      exponents[j] = max[j] > 0 && max[j] <= Double.MAX_VALUE ? Math.getExponent(max[j]) : 0;
    }
    double[] lengths = new double[fanOut];
    for (int i = 0; i < fanIn; i++) {
      int r = i * fanOut;
      for (int j = 0; j < fanOut; j++) {
        double v = Math.scalb(w[r + j], -exponents[j]);
        lengths[j] += v * v;
      }
    }
    for (int j = 0; j < fanOut; j++) {
      lengths[j] = Math.scalb(Math.sqrt(lengths[j]), exponents[j]);
    }
    return lengths;
  }

  private static void columnSums(Matrix g, Matrix sums) {
    double[] s = sums.data;
    Arrays.fill(s, 0.0);
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
