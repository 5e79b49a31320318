package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationTest {
  private static final double[] POINTS = {-3, -1.2, -0.5, -1e-3, 1e-3, 0.3, 0.9, 2.2};

  @Test
  void derivativeMatchesCentralDifferenceAwayFromKinks() {
    for (String name : Activations.names()) {
      Activation a = Activations.named(name, Map.of());
      for (double x : POINTS) {
        double h = 1e-6;
        double numeric = (a.apply(x + h) - a.apply(x - h)) / (2 * h);
        double exact = a.derivative(x, a.apply(x));
        assertTrue(GradientCheck.relativeError(exact, numeric) < 1e-8,
            name + " at " + x + ": " + exact + " vs " + numeric);
      }
    }
  }

  @Test
  void handDerivedValues() {
    // tanh(0.5) = 0.46211715726000974, derivative 1 - tanh² = 0.7864477329659274
    assertEquals(0.7864477329659274, StandardActivation.TANH.derivative(0.5, Math.tanh(0.5)),
        1e-15);
    // sigmoid(0) = 1/2, derivative 1/4
    assertEquals(0.25, StandardActivation.SIGMOID.derivative(0, 0.5));
    // softsign(1) = 1/2, derivative 1/(1+1)² = 1/4
    assertEquals(0.5, StandardActivation.SOFTSIGN.apply(1));
    assertEquals(0.25, StandardActivation.SOFTSIGN.derivative(1, 0.5));
    // exact GELU: gelu(1) = Φ(1) = 0.8413447460685429; gelu'(1) = Φ(1) + ϕ(1) = 1.0833154705876864
    assertEquals(0.8413447460685429, StandardActivation.GELU.apply(1), 1e-15);
    assertEquals(1.0833154705876864, StandardActivation.GELU.derivative(1, 0), 1e-15);
    // selu(-1) = λα(e⁻¹ − 1) = -1.1113307378125628
    assertEquals(-1.1113307378125628, StandardActivation.SELU.apply(-1), 1e-15);
  }

  @Test
  void saturatedDerivativesAreAccurateDeepInTheTails() {
    for (double x : new double[] {-40, -7.5, 6, 19.5, 30}) {
      double sech = 1.0 / Math.cosh(x);
      double tanh = StandardActivation.TANH.derivative(x, Math.tanh(x));
      assertEquals(sech * sech, tanh, 1e-13 * sech * sech, "tanh' at " + x);
      double e = Math.exp(-Math.abs(x));
      double sigmoid = StandardActivation.SIGMOID.derivative(x, 0);
      assertEquals(e / ((1 + e) * (1 + e)), sigmoid, 1e-13 * sigmoid, "sigmoid' at " + x);
      assertTrue(tanh > 0 && sigmoid > 0);
    }
  }

  @Test
  void kinksTakeTheDocumentedSide() {
    assertEquals(0.0, StandardActivation.RELU.derivative(0, 0));
    assertEquals(0.2, new LeakyRelu(0.2).derivative(0, 0));
    assertEquals(1.0, new Elu(1.0).derivative(1e-300, 1e-300));
    // ELU with α ≠ 1 and SELU have kinks at 0 too (left slope α and λα, right 1 and λ): the
    // left one, as PyTorch's elu_backward (x <= 0 takes the exponential side).
    assertEquals(0.5, new Elu(0.5).derivative(0, 0));
    assertEquals(1.0, new Elu(0.5).derivative(1e-300, 1e-300));
    assertEquals(StandardActivation.SELU_LAMBDA * StandardActivation.SELU_ALPHA,
        StandardActivation.SELU.derivative(0, 0));
    assertEquals(StandardActivation.SELU_LAMBDA, StandardActivation.SELU.derivative(1e-300, 0));
  }

  @Test
  void pytorchGains() {
    assertEquals(5.0 / 3, StandardActivation.TANH.gain());
    assertEquals(Math.sqrt(2), StandardActivation.RELU.gain());
    assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), new LeakyRelu(0.01).gain());
    assertEquals(0.75, StandardActivation.SELU.gain());
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Activations.named("tanhh", Map.of()));
    assertTrue(e.getMessage().contains("did you mean 'tanh'"), e.getMessage());
    assertEquals(0.3, ((LeakyRelu) Activations.named("leaky_relu", Map.of("slope", 0.3))).slope());
    assertThrows(IllegalArgumentException.class, () -> Activations.named("tanh", Map.of("a", 1.0)));
  }

  @Test
  void sigmoidIsStableInTheTails() {
    assertEquals(0.0, StandardActivation.SIGMOID.apply(-800), 0.0);
    assertEquals(1.0, StandardActivation.SIGMOID.apply(800), 0.0);
  }

  /** A diverged layer must read as non-finite downstream, never as a plausible finite value. */
  @Test
  void nanStaysNanThroughEveryActivation() {
    for (String name : Activations.names()) {
      Activation a = Activations.named(name, Map.of());
      assertTrue(Double.isNaN(a.apply(Double.NaN)), name + "(NaN)");
      double[] x = {1.0, Double.NaN, -1.0, Double.NaN};
      double[] y = new double[4];
      a.applyAll(x, 0, y, 0, 4);
      assertTrue(Double.isNaN(y[1]) && Double.isNaN(y[3]), name + " applyAll");
    }
    assertEquals(0.0, StandardActivation.RELU.apply(-0.0), 0.0);
    assertEquals(Double.POSITIVE_INFINITY, StandardActivation.RELU.apply(Double.POSITIVE_INFINITY));
  }
}
