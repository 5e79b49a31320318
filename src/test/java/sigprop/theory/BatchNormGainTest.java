package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sigprop.net.Activation;
import sigprop.net.Matrix;
import sigprop.net.PlainMatMul;
import sigprop.net.StandardActivation;

/** Batch-norm gradient growth: closed form, Monte-Carlo accuracy, and a direct simulation. */
class BatchNormGainTest {
  private static final double RELU_LIMIT = Math.PI / (Math.PI - 1); // 1.46694220692426

  @Test
  void largeBatchLimitIsPiOverPiMinusOneForRelu() {
    // E[relu′²] = 1/2, Var[relu] = 1/2 − 1/(2π): ratio π/(π−1) (Yang et al. 2019).
    assertEquals(RELU_LIMIT, BatchNormGain.largeBatchLimit(StandardActivation.RELU), 1e-13);
  }

  @Test
  void largeBatchLimitForTanh() {
    // E[sech⁴ z]/E[tanh² z] = 0.46440290244827/0.39429449039784 (scipy.integrate.quad).
    assertEquals(1.1778072323041797, BatchNormGain.largeBatchLimit(StandardActivation.TANH),
        1e-11);
  }

  @Test
  void monteCarloApproachesTheLimitAtLargeBatch() {
    double relu = BatchNormGain.beforeActivation(StandardActivation.RELU, 1024).gain();
    assertEquals(RELU_LIMIT, relu, 0.005 * RELU_LIMIT, "O(1/B) above the limit: " + relu);
    double tanh64 = BatchNormGain.beforeActivation(StandardActivation.TANH, 64).gain();
    double tanh256 = BatchNormGain.beforeActivation(StandardActivation.TANH, 256).gain();
    assertEquals(1.193, tanh64, 0.004);
    assertEquals(1.182, tanh256, 0.004);
    assertTrue(tanh64 > tanh256 && tanh256 > 1.1778, tanh64 + " > " + tanh256 + " > limit");
  }

  @Test
  void monteCarloErrorIsAboutOnePerMille() {
    double sum = 0;
    double sumSquares = 0;
    int seeds = 6;
    for (int seed = 1; seed <= seeds; seed++) {
      double g = BatchNormGain.beforeActivation(StandardActivation.TANH, 64, seed).gain();
      sum += g;
      sumSquares += g * g;
    }
    double mean = sum / seeds;
    double std = Math.sqrt((sumSquares - seeds * mean * mean) / (seeds - 1));
    assertTrue(std / mean < 2e-3, "relative std over seeds " + std / mean);
  }

  @Test
  void meanFieldMatchesADirectFiniteWidthSimulation() {
    // Width 384, batch 16, 30 layers, σ_w² = 1; gradient ratios averaged over layers 3..25.
    // B = 16 is far enough from the limit (tanh 1.178) that the finite-B formula is tested.
    Activation tanh = StandardActivation.TANH;
    double before = BatchNormGain.beforeActivation(tanh, 16).gain();
    assertEquals(before, simulate(tanh, 16, true), 0.025 * before);
    double after = BatchNormGain.afterActivation(tanh, 16, 1.0, 0.0);
    assertEquals(after, simulate(tanh, 16, false), 0.025 * after);
    double relu = BatchNormGain.beforeActivation(StandardActivation.RELU, 16).gain();
    assertEquals(relu, simulate(StandardActivation.RELU, 16, true), 0.025 * relu);
  }

  @Test
  void afterActivationWithReluIsPiOverPiMinusOneAtLargeBatch() {
    // Scale-free relu: σ_w² E[φ′²(σ_w z)]/Var[φ(σ_w z)] = π/(π−1) for any σ_w as B → ∞.
    double chi = BatchNormGain.afterActivation(StandardActivation.RELU, 1024, 3.0, 0.0);
    assertEquals(RELU_LIMIT, chi, 0.005 * RELU_LIMIT);
  }

  @Test
  void rejectsBatchesWhereTheTheoryIsUndefined() {
    assertThrows(IllegalArgumentException.class,
        () -> BatchNormGain.beforeActivation(StandardActivation.TANH, 3));
    // After φ the estimate's integrand has infinite variance at small batches: no value there.
    assertThrows(IllegalArgumentException.class,
        () -> BatchNormGain.afterActivation(StandardActivation.TANH, 5, 1.0, 0.0));
    assertThrows(IllegalArgumentException.class,
        () -> BatchNormGain.afterActivationFirstLayer(StandardActivation.TANH, 7, 1.0, 0.0, 1.0));
    BatchNormGain.afterActivation(StandardActivation.TANH, 8, 1.0, 0.0);
  }

  /**
   * The geometric-mean ratio Var[∂L/∂y^{l−1}]/Var[∂L/∂y^l] of a real batch-normalized net
   * (ε = 0, γ = 1, β = 0), written out independently of the mean-field formula.
   */
  private static double simulate(Activation phi, int batch, boolean normBefore) {
    int width = 384;
    int depth = 30;
    SplittableRandom rng = new SplittableRandom(7);
    Matrix y = normals(rng, batch, width, 1.0);
    Matrix[] weights = new Matrix[depth + 1];
    Matrix[] pre = new Matrix[depth + 1];
    Matrix[] normIn = new Matrix[depth + 1];
    for (int l = 1; l <= depth; l++) {
      weights[l] = normals(rng, width, width, 1.0 / Math.sqrt(width));
      pre[l] = new Matrix(batch, width);
      PlainMatMul.INSTANCE.ab(y, weights[l], pre[l]);
      normIn[l] = normBefore ? pre[l] : map(pre[l], phi, false);
      Matrix normalized = batchNorm(normIn[l]);
      y = normBefore ? map(normalized, phi, false) : normalized;
    }
    Matrix g = normals(rng, batch, width, 1.0);
    double[] variance = new double[depth + 1];
    for (int l = depth; l >= 1; l--) {
      variance[l] = meanSquare(g);
      Matrix gradPre;
      if (normBefore) {
        Matrix d = map(batchNorm(pre[l]), phi, true);
        gradPre = batchNormBackward(pre[l], times(g, d));
      } else {
        gradPre = times(batchNormBackward(normIn[l], g), map(pre[l], phi, true));
      }
      g = new Matrix(batch, width);
      PlainMatMul.INSTANCE.abT(gradPre, weights[l], g);
    }
    double logSum = 0;
    int count = 0;
    for (int l = 3; l <= depth - 5; l++) {
      logSum += Math.log(variance[l - 1] / variance[l]);
      count++;
    }
    return Math.exp(logSum / count);
  }

  private static Matrix batchNorm(Matrix v) {
    Matrix out = new Matrix(v.rows, v.cols);
    for (int j = 0; j < v.cols; j++) {
      double mean = 0;
      for (int i = 0; i < v.rows; i++) {
        mean += v.get(i, j) / v.rows;
      }
      double var = 0;
      for (int i = 0; i < v.rows; i++) {
        var += (v.get(i, j) - mean) * (v.get(i, j) - mean) / v.rows;
      }
      for (int i = 0; i < v.rows; i++) {
        out.set(i, j, (v.get(i, j) - mean) / Math.sqrt(var));
      }
    }
    return out;
  }

  /** ∂L/∂v = (g − mean(g) − v̂·mean(g·v̂))/σ per column, v̂ = BN(v). */
  private static Matrix batchNormBackward(Matrix v, Matrix g) {
    Matrix vHat = batchNorm(v);
    Matrix out = new Matrix(v.rows, v.cols);
    for (int j = 0; j < v.cols; j++) {
      double mean = 0;
      double meanSquare = 0;
      double meanG = 0;
      double meanGv = 0;
      for (int i = 0; i < v.rows; i++) {
        mean += v.get(i, j) / v.rows;
        meanSquare += v.get(i, j) * v.get(i, j) / v.rows;
        meanG += g.get(i, j) / v.rows;
        meanGv += g.get(i, j) * vHat.get(i, j) / v.rows;
      }
      double sigma = Math.sqrt(meanSquare - mean * mean);
      for (int i = 0; i < v.rows; i++) {
        out.set(i, j, (g.get(i, j) - meanG - vHat.get(i, j) * meanGv) / sigma);
      }
    }
    return out;
  }

  private static Matrix map(Matrix v, Activation phi, boolean derivative) {
    Matrix out = new Matrix(v.rows, v.cols);
    for (int k = 0; k < v.data.length; k++) {
      double x = v.data[k];
      double y = phi.apply(x);
      out.data[k] = derivative ? phi.derivative(x, y) : y;
    }
    return out;
  }

  private static Matrix times(Matrix a, Matrix b) {
    Matrix out = new Matrix(a.rows, a.cols);
    for (int k = 0; k < a.data.length; k++) {
      out.data[k] = a.data[k] * b.data[k];
    }
    return out;
  }

  private static Matrix normals(SplittableRandom rng, int rows, int cols, double std) {
    Matrix m = new Matrix(rows, cols);
    for (int k = 0; k < m.data.length; k++) {
      m.data[k] = std * rng.nextGaussian();
    }
    return m;
  }

  private static double meanSquare(Matrix m) {
    double s = 0;
    for (double v : m.data) {
      s += v * v;
    }
    return s / m.data.length;
  }
}
