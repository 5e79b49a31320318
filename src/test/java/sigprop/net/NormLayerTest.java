package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A norm is scale-invariant: c·x normalizes as x does (with ε negligible at both sizes) and its
 * input gradient is 1/c times as large, for any finite c. With the plain Σ(x − m)², inputs beyond
 * about 1e154 overflowed it to ∞, so 1/√∞ = 0 and every output silently read β.
 */
class NormLayerTest {
  private static final int BATCH = 6;
  private static final int WIDTH = 5;
  /** Small enough to be negligible against the variance at every scale tried. */
  private static final double EPS = 1e-300;

  private static Matrix scaled(Matrix x, double c) {
    Matrix y = x.copy();
    for (int i = 0; i < y.data.length; i++) {
      y.data[i] *= c;
    }
    return y;
  }

  /** Output and input gradient of the norm at x, under a fixed upstream gradient. */
  private static Matrix[] pass(Norm kind, Matrix x) {
    NormLayer norm = new NormLayer(kind, BATCH, WIDTH, EPS);
    Matrix out = new Matrix(BATCH, WIDTH);
    norm.forward(x, out);
    Matrix g = new Matrix(BATCH, WIDTH);
    RandomStreams.standardNormals(RandomStreams.of(2, 0, Purpose.TARGETS), g.data);
    Matrix gIn = new Matrix(BATCH, WIDTH);
    norm.backward(x, g, gIn, new Matrix(1, WIDTH), new Matrix(1, WIDTH));
    return new Matrix[] {out, gIn};
  }

  @Test
  void inputsOfAnyFiniteSizeNormalizeAsSmallOnesDo() {
    Matrix x = new Matrix(BATCH, WIDTH);
    RandomStreams.standardNormals(RandomStreams.of(1, 0, Purpose.INPUT), x.data);
    for (Norm kind : new Norm[] {Norm.BATCH, Norm.LAYER}) {
      Matrix[] unit = pass(kind, x);
      for (double c : new double[] {1e160, 1e200, 1e300}) {
        Matrix[] big = pass(kind, scaled(x, c));
        for (int i = 0; i < x.data.length; i++) {
          String at = kind + " at scale " + c + ", entry " + i;
          assertEquals(unit[0].data[i], big[0].data[i], 1e-14, at);
          assertTrue(Math.abs(unit[0].data[i]) > 1e-3, at + ": not β");
          assertEquals(unit[1].data[i], big[1].data[i] * c, 1e-13 * Math.abs(unit[1].data[i])
              + 1e-15, at + " gradient");
        }
      }
    }
  }

  @Test
  void nonFiniteInputsStayNonFinite() {
    for (Norm kind : new Norm[] {Norm.BATCH, Norm.LAYER}) {
      for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
        Matrix x = new Matrix(BATCH, WIDTH);
        RandomStreams.standardNormals(RandomStreams.of(1, 0, Purpose.INPUT), x.data);
        x.data[0] = bad;
        Matrix out = pass(kind, x)[0];
        // Entry 0 shares its unit (batch norm) or its example (layer norm) with these.
        for (int k = 0; k < out.data.length; k++) {
          boolean shares = kind == Norm.BATCH ? k % WIDTH == 0 : k < WIDTH;
          if (shares) {
            assertTrue(Double.isNaN(out.data[k]), kind + " with " + bad + " at " + k);
          }
        }
      }
    }
  }
}
