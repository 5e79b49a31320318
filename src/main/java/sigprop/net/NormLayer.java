package sigprop.net;

import java.util.Arrays;

/**
 * Batch norm or layer norm with learnable γ (init 1) and β (init 0) per unit. Normalizes with the
 * biased variance of the current batch (batch norm) or of the example's units (layer norm), and
 * keeps only the means and inverse stds, from which backprop recomputes x̂.
 */
public final class NormLayer {
  private final Norm kind;
  private final double eps;
  private final int batch;
  private final int width;
  private final Parameter gamma;
  private final Parameter beta;
  /** Per unit (batch norm) or per example (layer norm). */
  private final double[] mean;
  private final double[] invStd;
  /** Per-unit work rows for batch norm, reused across passes. */
  private final double[] work;
  private final double[] work2;
  private final double[] work3;

  /** A norm over a batch × width tensor. */
  public NormLayer(Norm kind, int batch, int width, double eps) {
    if (kind == Norm.NONE) {
      throw new IllegalArgumentException("NormLayer needs batch or layer norm");
    }
    if (kind == Norm.BATCH && batch < 2) {
      throw new IllegalArgumentException(
          "batch norm needs a batch of at least 2 (got " + batch + "): with one example every"
              + " unit normalizes to 0");
    }
    this.kind = kind;
    this.eps = eps;
    this.batch = batch;
    this.width = width;
    Matrix g = new Matrix(1, width);
    g.fill(1.0);
    this.gamma = new Parameter("gamma", g);
    this.beta = new Parameter("beta", new Matrix(1, width));
    int groups = kind == Norm.BATCH ? width : batch;
    this.mean = new double[groups];
    this.invStd = new double[groups];
    int units = kind == Norm.BATCH ? width : 0;
    this.work = new double[units];
    this.work2 = new double[units];
    this.work3 = new double[units];
  }

  /** γ: the learnable scale per unit, 1 × width. */
  public Parameter gamma() {
    return gamma;
  }

  /** β: the learnable shift per unit, 1 × width. */
  public Parameter beta() {
    return beta;
  }

  /** Computes the statistics of {@code in} and writes γ·x̂ + β to {@code out}. */
  public void forward(Matrix in, Matrix out) {
    forward(in.data, 0, out);
  }

  /** As {@link #forward(Matrix, Matrix)} for the batch × width tensor at x[xOff]. */
  void forward(double[] x, int xOff, Matrix out) {
    if (kind == Norm.BATCH) {
      // Column by column down the batch, as one running sum per unit: the loops vectorize
      // across units without changing any unit's order of summation.
      double[] sum = work;
      Arrays.fill(sum, 0.0);
      for (int i = 0; i < batch; i++) {
        int r = xOff + i * width;
        for (int j = 0; j < width; j++) {
          sum[j] += x[r + j];
        }
      }
      for (int j = 0; j < width; j++) {
        mean[j] = Double.isFinite(sum[j]) ? sum[j] / batch : scaledMean(x, xOff + j, width, batch);
        sum[j] = 0;
      }
      for (int i = 0; i < batch; i++) {
        int r = xOff + i * width;
        for (int j = 0; j < width; j++) {
          double d = x[r + j] - mean[j];
          sum[j] += d * d;
        }
      }
      for (int j = 0; j < width; j++) {
        invStd[j] = Double.isInfinite(sum[j])
            ? scaledInvStd(x, xOff + j, width, batch, mean[j])
            : 1.0 / Math.sqrt(sum[j] / batch + eps);
      }
    } else {
      for (int i = 0; i < batch; i++) {
        int r = xOff + i * width;
        double s = 0;
        for (int j = 0; j < width; j++) {
          s += x[r + j];
        }
        double m = Double.isFinite(s) ? s / width : scaledMean(x, r, 1, width);
        double ss = 0;
        for (int j = 0; j < width; j++) {
          double d = x[r + j] - m;
          ss += d * d;
        }
        mean[i] = m;
        invStd[i] = Double.isInfinite(ss)
            ? scaledInvStd(x, r, 1, width, m)
            : 1.0 / Math.sqrt(ss / width + eps);
      }
    }
    apply(x, xOff, out);
  }

  /**
   * The mean of the n values x[off + k·stride] when their sum overflowed: summed as x/n, which
   * cannot overflow. (A NaN or infinite value still gives a non-finite mean.)
   */
  private static double scaledMean(double[] x, int off, int stride, int n) {
    double m = 0;
    for (int k = 0; k < n; k++) {
      m += x[off + k * stride] / n;
    }
    return m;
  }

  /**
   * 1/√(v + ε) for the n values x[off + k·stride] around mean m when Σ(x − m)² overflowed
   * (|x − m| beyond about 1e154): the deviations are divided by the largest, c, before squaring,
   * and 1/√(v + ε) = 1/(c·√(Σ((x − m)/c)²/n + ε/c²)). The norm is scale-invariant, so inputs of
   * any finite size normalize as small ones do, where the plain sum would give 1/√∞ = 0 and a
   * silent output of β. Only reached on overflow, so ordinary inputs keep their bits.
   */
  private double scaledInvStd(double[] x, int off, int stride, int n, double m) {
    double c = 0;
    for (int k = 0; k < n; k++) {
      c = Math.max(c, Math.abs(x[off + k * stride] - m));
    }
    double s = 0;
    for (int k = 0; k < n; k++) {
      double d = (x[off + k * stride] - m) / c;
      s += d * d;
    }
    return 1.0 / (c * Math.sqrt(s / n + eps / c / c));
  }

  /** Writes γ·x̂ + β to {@code out} with the statistics of the last forward (recomputation). */
  public void apply(Matrix in, Matrix out) {
    apply(in.data, 0, out);
  }

  /** As {@link #apply(Matrix, Matrix)} for the batch × width tensor at x[xOff]. */
  void apply(double[] x, int xOff, Matrix out) {
    double[] y = out.data;
    double[] g = gamma.value().data;
    double[] b = beta.value().data;
    for (int i = 0; i < batch; i++) {
      int r = i * width;
      int xr = xOff + r;
      if (kind == Norm.BATCH) {
        for (int j = 0; j < width; j++) {
          y[r + j] = g[j] * ((x[xr + j] - mean[j]) * invStd[j]) + b[j];
        }
      } else {
        double m = mean[i];
        double s = invStd[i];
        for (int j = 0; j < width; j++) {
          y[r + j] = g[j] * ((x[xr + j] - m) * s) + b[j];
        }
      }
    }
  }

  /**
   * Backprop through the norm: from ∂L/∂out to ∂L/∂in, and ∂L/∂γ, ∂L/∂β (all in the same scale
   * as gOut). With x̂ the normalized input and m the group size,
   * ∂L/∂in = invStd/m · (m·ĝ − Σĝ − x̂·Σ(ĝ·x̂)), ĝ = γ·gOut.
   */
  public void backward(Matrix in, Matrix gOut, Matrix gIn, Matrix dGamma, Matrix dBeta) {
    backward(in.data, 0, gOut, gIn, dGamma, dBeta);
  }

  /** As {@link #backward(Matrix, Matrix, Matrix, Matrix, Matrix)} with the input at x[xOff]. */
  void backward(double[] x, int xOff, Matrix gOut, Matrix gIn, Matrix dGamma, Matrix dBeta) {
    double[] go = gOut.data;
    double[] gi = gIn.data;
    double[] g = gamma.value().data;
    double[] dg = dGamma.data;
    double[] db = dBeta.data;
    Arrays.fill(dg, 0.0);
    Arrays.fill(db, 0.0);
    if (kind == Norm.BATCH) {
      for (int i = 0; i < batch; i++) {
        int r = i * width;
        int xr = xOff + r;
        for (int j = 0; j < width; j++) {
          double xh = (x[xr + j] - mean[j]) * invStd[j];
          double gh = go[r + j];
          db[j] += gh;
          dg[j] += gh * xh;
        }
      }
      double[] sumG = work;
      double[] sumGx = work2;
      double[] scale = work3;
      for (int j = 0; j < width; j++) {
        sumG[j] = g[j] * db[j];
        sumGx[j] = g[j] * dg[j];
        scale[j] = invStd[j] / batch;
      }
      double m = batch;
      for (int i = 0; i < batch; i++) {
        int r = i * width;
        int xr = xOff + r;
        for (int j = 0; j < width; j++) {
          double xh = (x[xr + j] - mean[j]) * invStd[j];
          double gh = g[j] * go[r + j];
          gi[r + j] = scale[j] * (m * gh - sumG[j] - xh * sumGx[j]);
        }
      }
    } else {
      for (int i = 0; i < batch; i++) {
        int r = i * width;
        int xr = xOff + r;
        double m = mean[i];
        double s = invStd[i];
        double sumG = 0;
        double sumGx = 0;
        for (int j = 0; j < width; j++) {
          double xh = (x[xr + j] - m) * s;
          double gh = g[j] * go[r + j];
          db[j] += go[r + j];
          dg[j] += go[r + j] * xh;
          sumG += gh;
          sumGx += gh * xh;
        }
        for (int j = 0; j < width; j++) {
          double xh = (x[xr + j] - m) * s;
          double gh = g[j] * go[r + j];
          gi[r + j] = s / width * (width * gh - sumG - xh * sumGx);
        }
      }
    }
  }

  @Override
  public String toString() {
    return kind.key() + "_norm(eps=" + eps + ")";
  }
}
