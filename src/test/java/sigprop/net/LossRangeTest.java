package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A loss whose value is a double must read as that double, though its sum over the batch (or
 * a square in it) passes 1.8e308 on the way: an Infinity there made the cell `diverged` with a
 * "non-finite loss" whose true value was finite (cross-entropy of a tanh net with N(0, 1e307²)
 * weights: a mean of 2e307 over rows of 6e307 each, summed to ∞). A value truly beyond the
 * range still reads ∞.
 */
class LossRangeTest {
  @Test
  void crossEntropyAveragesRowsWhoseSumOverflows() {
    int rows = 8;
    Matrix logits = new Matrix(rows, 3);
    int[] labels = new int[rows];
    for (int i = 0; i < rows; i++) {
      logits.set(i, 0, 3e307);
      logits.set(i, 1, -3e307);
      labels[i] = 1; // each row's loss: 3e307 − (−3e307) + log(1 + 2e^-3e307) = 6e307
    }
    assertEquals(6e307, new CrossEntropyLoss(labels).value(logits), 1e292);
    logits.set(0, 0, 1.5e308); // one row's loss 1.8e308 + 3e307: beyond the range itself
    assertEquals(Double.POSITIVE_INFINITY, new CrossEntropyLoss(labels).value(logits));
  }

  @Test
  void meanSquaredErrorWhoseSquaresOverflow() {
    Matrix out = new Matrix(2, 2, new double[] {2e154, -2e154, 2e154, 0});
    Matrix targets = new Matrix(2, 2);
    // (3 × 4e308 + 0) / 4 = 3e308 is beyond the range; 4e308 / 4 = 1e308 is not.
    assertEquals(Double.POSITIVE_INFINITY, new MeanSquaredErrorLoss(targets).value(out));
    out.data[1] = 0;
    out.data[2] = 0;
    assertEquals(1e308, new MeanSquaredErrorLoss(targets).value(out), 1e293);
    Matrix two = new Matrix(2, 4, new double[] {2e154, 0, 0, 0, 0, 0, 0, -2e154});
    assertEquals(1e308, new MeanSquaredErrorLoss(new Matrix(2, 4)).value(two), 1e293);
  }

  /**
   * ∂L/∂o = 2(o − t)/n passes the range with one entry (n = 1, o = 1.5e308) or a target of the
   * other sign (n = 2, o − t = 2.5e308): handed over in units of 4 with scale 2, not as ∞. An
   * ordinary gradient keeps scale 0 and its bits.
   */
  @Test
  void meanSquaredErrorGradientPastTheRangeIsCarriedInItsScale() {
    Matrix g = new Matrix(1, 1);
    Matrix one = new Matrix(1, 1, new double[] {1.5e308});
    assertEquals(2, new MeanSquaredErrorLoss(new Matrix(1, 1, new double[] {-0.5})).gradient(one,
        g));
    assertEquals(Math.scalb(1.5e308, -2) + Math.scalb(0.5, -2), Math.scalb(g.data[0], -1), 0.0);
    Matrix two = new Matrix(1, 2, new double[] {1.5e308, 3});
    Matrix targets = new Matrix(1, 2, new double[] {-1e308, 1});
    Matrix g2 = new Matrix(1, 2);
    assertEquals(2, new MeanSquaredErrorLoss(targets).gradient(two, g2));
    assertEquals(0.625e308, g2.data[0], 1e-15 * g2.data[0]); // 2.5e308 / 4
    assertEquals(0.5, g2.data[1], 0.0);
    two.data[0] = 1.5;
    assertEquals(0, new MeanSquaredErrorLoss(targets).gradient(two, g2));
    assertEquals(1e308 + 1.5, g2.data[0], 0.0);
    assertEquals(2.0, g2.data[1], 0.0);
  }

  @Test
  void sumOfOutputsWhosePartialSumsOverflow() {
    Matrix out = new Matrix(1, 4, new double[] {1e308, 1e308, -1e308, -0.5e308});
    assertEquals(0.5e308, new SumOfOutputsLoss().value(out), 1e293);
    Matrix halves = new Matrix(2, 3, new double[] {1.7e308, 1.7e308, 1.7e308, -1.7e308,
        -1.7e308, -1.5e308}); // halved, the first three still sum past the range
    assertEquals(0.2e308, new SumOfOutputsLoss().value(halves), 1e293);
    Matrix beyond = new Matrix(1, 2, new double[] {1e308, 1e308});
    assertEquals(Double.POSITIVE_INFINITY, new SumOfOutputsLoss().value(beyond));
  }
}
