package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

/**
 * The Jacobian diagnostic of a non-square layer (fan_in 2, fan_out 3, batch 2) with known weights
 * and φ′, against a hand-worked value and the singular values of the explicit Jacobian.
 */
class JacobianDiagnosticTest {
  /** W₁ (fan_in × fan_out), row-major. */
  private static final double[][] W1 = {{1, 2, 0}, {0, -1, 3}};
  private static final double[][] X = {{1, 1}, {1, -1}};

  /** Input 2 → 3 leaky relu (slope 0.5) → 2 linear outputs, zero biases, W₁ as above. */
  private static Network net() {
    InitSpec zeros = InitSpec.of(InitScheme.ZEROS);
    NetworkSpec spec = new NetworkSpec(2, List.of(3), new LeakyRelu(0.5), Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, zeros, zeros, 2,
        StandardActivation.LINEAR);
    Network net = Network.build(spec, 2, 0, PlainMatMul.INSTANCE);
    Matrix w1 = net.layers().get(0).weight().value();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        w1.set(i, j, W1[i][j]);
      }
    }
    Matrix w2 = net.layers().get(1).weight().value();
    System.arraycopy(new double[] {1, 0, 0, 1, 1, 1}, 0, w2.data, 0, 6);
    return net;
  }

  private static Matrix input() {
    return new Matrix(2, 2, new double[] {X[0][0], X[0][1], X[1][0], X[1][1]});
  }

  /** The diagnostic per layer from one forward pass. */
  private static Map<Integer, Double> diagnostic(Network net) {
    return diagnostic(net, input());
  }

  private static Map<Integer, Double> diagnostic(Network net, Matrix x) {
    Map<Integer, Double> values = new HashMap<>();
    net.forward(x, new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return false;
      }
      @Override public void record(int layer, Site site, Matrix v, int log2Scale) {}
      @Override public void recordJacobian(int layer, double value) {
        values.put(layer, value);
      }
    });
    return values;
  }

  @Test
  void matchesTheHandWorkedValue() {
    // z = x·W₁: (1, 1, 3) and (1, 3, −3), so φ′ = (1, 1, 1) and (1, 1, 0.5). The columns of W₁
    // have squared norms (1, 5, 9): ‖W₁·diag(φ′)‖²_F = 15 and 1 + 5 + 0.25·9 = 8.25; their
    // mean 11.625 over min(fan_in, fan_out) = 2 singular values is 5.8125.
    assertEquals(5.8125, diagnostic(net()).get(1), 1e-15);
  }

  /**
   * Relu, W₁ = ((1, 1e200, 0), (0, −1e200, 3)), inputs (1, 1) and (2, 2): unit 2's column has a
   * squared norm of 2e400, ∞ in double, but z₂ = 0 at both examples, so φ′ = 0 there and the
   * Jacobian is diag(1, 0, 1)·W₁ᵀ, with ‖·‖²_F = 1 + 9 at each: 10/2 = 5, not 0·∞ = NaN.
   */
  @Test
  void aZeroSlopeIgnoresAColumnWhoseSquaredNormOverflowed() {
    Network net = twoToThree(StandardActivation.RELU, 1, 1e200, 0, 0, -1e200, 3);
    assertEquals(5.0, diagnostic(net, new Matrix(2, 2, new double[] {1, 1, 2, 2})).get(1), 1e-15);
  }

  /**
   * Softsign, W₁ = ((1, 1e154, 0), (0, −1e154, 3)), inputs (1, 0.5) and (0.5, 1): unit 2's z is
   * ±5e153, so φ′ = 1/(1 + |z|)² = 4e-308, which squares to 0, and its column's squared norm
   * 2e308 is ∞ in double: 0·∞ made the diagnostic NaN. Its true term, 3.2e-307, adds nothing
   * to units 1 and 3: φ′ = 1/4, 1/6.25 at (1, 0.5) and 1/2.25, 1/16 at (0.5, 1), with squared
   * norms 1 and 9.
   */
  @Test
  void aTinySlopeTimesAnOverflowedColumnIsItsTinyTerm() {
    Network net = twoToThree(StandardActivation.SOFTSIGN, 1, 1e154, 0, 0, -1e154, 3);
    double first = Math.pow(1 / 4.0, 2) + 9 * Math.pow(1 / 6.25, 2);
    double second = Math.pow(1 / 2.25, 2) + 9 * Math.pow(1 / 16.0, 2);
    double expected = (first + second) / 2 / 2;
    assertEquals(expected,
        diagnostic(net, new Matrix(2, 2, new double[] {1, 0.5, 0.5, 1})).get(1),
        1e-15 * expected);
  }

  /** Input 2 → 3 units of φ with the given W₁ (row-major) → 2 linear outputs, zero biases. */
  private static Network twoToThree(Activation phi, double... w1) {
    InitSpec zeros = InitSpec.of(InitScheme.ZEROS);
    NetworkSpec spec = new NetworkSpec(2, List.of(3), phi, Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, zeros, zeros, 2,
        StandardActivation.LINEAR);
    Network net = Network.build(spec, 2, 0, PlainMatMul.INSTANCE);
    System.arraycopy(w1, 0, net.layers().get(0).weight().value().data, 0, 6);
    return net;
  }

  @Test
  void isTheMeanSquaredSingularValueOfTheExplicitJacobian() {
    double expected = 0;
    for (double[] x : X) {
      // ∂out/∂x = diag(φ′(z))·W₁ᵀ, a 3 × 2 matrix with min(3, 2) singular values.
      double[][] jacobian = new double[3][2];
      for (int j = 0; j < 3; j++) {
        double z = x[0] * W1[0][j] + x[1] * W1[1][j];
        double slope = z > 0 ? 1.0 : 0.5;
        for (int i = 0; i < 2; i++) {
          jacobian[j][i] = slope * W1[i][j];
        }
      }
      double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(jacobian))
          .getSingularValues();
      assertEquals(2, s.length);
      expected += (s[0] * s[0] + s[1] * s[1]) / s.length / X.length;
    }
    assertEquals(expected, diagnostic(net()).get(1), 1e-12);
    // The linear head: W₂ is 3 × 2 with squared Frobenius norm 4, over 2 singular values.
    assertEquals(2.0, diagnostic(net()).get(2), 1e-15);
  }
}
