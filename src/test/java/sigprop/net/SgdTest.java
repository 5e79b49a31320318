package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SgdTest {
  /**
   * Two steps of lr η = 0.1, momentum μ = 0.9, weight decay λ = 0.01 on w = (1, −2), the
   * gradients handed over as g̃ with log2 scale 3 (true gradient 8·g̃), worked by hand:
   * d = 8·g̃ + λ·w, v ← μ·v + d, w ← w − η·v.
   */
  @Test
  void twoStepsMatchTheHandWorkedUpdate() {
    Parameter p = new Parameter("weight", new Matrix(1, 2, new double[] {1.0, -2.0}));
    Sgd sgd = new Sgd(0.1, 0.9, 0.01);

    sgd.accept(1, p, new Matrix(1, 2, new double[] {0.5, -0.25}), 3);
    // w₀: d = 4 + 0.01·1 = 4.01, v = 4.01, w = 1 − 0.401 = 0.599
    // w₁: d = −2 + 0.01·(−2) = −2.02, v = −2.02, w = −2 + 0.202 = −1.798
    assertEquals(0.599, p.value().data[0], 1e-15);
    assertEquals(-1.798, p.value().data[1], 1e-15);

    sgd.accept(1, p, new Matrix(1, 2, new double[] {0.25, 0.125}), 3);
    // w₀: d = 2 + 0.01·0.599 = 2.00599, v = 0.9·4.01 + 2.00599 = 5.61499,
    //     w = 0.599 − 0.561499 = 0.037501
    // w₁: d = 1 + 0.01·(−1.798) = 0.98202, v = 0.9·(−2.02) + 0.98202 = −0.83598,
    //     w = −1.798 + 0.083598 = −1.714402
    assertEquals(0.037501, p.value().data[0], 1e-15);
    assertEquals(-1.714402, p.value().data[1], 1e-15);
  }
}
