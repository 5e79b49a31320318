package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import sigprop.net.StandardActivation;

class BatchNormalizedEntryTest {
  private static final StandardActivation TANH = StandardActivation.TANH;

  /** The law has variance 1 at every batch, and mean 0. */
  @Test
  void unitVarianceAtEveryBatch() {
    for (int batch : new int[] {4, 5, 8, 64, 256, 4096}) {
      ActivationMoments m = BatchNormalizedEntry.moments(StandardActivation.LINEAR, batch);
      assertEquals(1.0, m.meanSquare(), 1e-9, "B = " + batch);
      assertEquals(0.0, m.mean(), 0.0);
    }
  }

  /** Large batches approach N(0, 1). */
  @Test
  void largeBatchesApproachTheNormal() {
    ActivationMoments normal = ActivationMoments.of(TANH, 1.0);
    ActivationMoments large = BatchNormalizedEntry.moments(TANH, 4096);
    assertEquals(normal.meanSquare(), large.meanSquare(), 1e-4);
    assertEquals(normal.derivativeMeanSquare(), large.derivativeMeanSquare(), 1e-4);
    Saturation at90 = Saturation.of(TANH, 0.9);
    assertEquals(at90.fraction(1.0), BatchNormalizedEntry.saturation(at90, 4096), 1e-4);
  }

  /**
   * At B = 8 against a simulation of 200,000 batches of 8 normals, normalized with the biased
   * variance as batch norm does: E[tanh(ẑ)²], E[tanh′(ẑ)²] and the fraction past 0.9 agree
   * within four standard errors; none passes 0.99, since |ẑ| ≤ √7 < atanh 0.99.
   */
  @Test
  void smallBatchesMatchASimulation() {
    int batch = 8;
    int batches = 200_000;
    SplittableRandom rng = new SplittableRandom(11);
    double sumSquare = 0;
    double sumSquareSq = 0;
    double sumDerivative = 0;
    long past90 = 0;
    long past99 = 0;
    long n = 0;
    double[] z = new double[batch];
    for (int b = 0; b < batches; b++) {
      double mean = 0;
      for (int i = 0; i < batch; i++) {
        z[i] = gaussian(rng);
        mean += z[i] / batch;
      }
      double var = 0;
      for (int i = 0; i < batch; i++) {
        var += (z[i] - mean) * (z[i] - mean) / batch;
      }
      for (int i = 0; i < batch; i++) {
        double y = Math.tanh((z[i] - mean) / Math.sqrt(var));
        sumSquare += y * y;
        sumSquareSq += y * y * y * y;
        sumDerivative += (1 - y * y) * (1 - y * y);
        past90 += Math.abs(y) > 0.9 ? 1 : 0;
        past99 += Math.abs(y) > 0.99 ? 1 : 0;
        n++;
      }
    }
    ActivationMoments m = BatchNormalizedEntry.moments(TANH, batch);
    double meanSquare = sumSquare / n;
    double se = Math.sqrt((sumSquareSq / n - meanSquare * meanSquare) / n);
    assertEquals(meanSquare, m.meanSquare(), 4 * se);
    assertEquals(sumDerivative / n, m.derivativeMeanSquare(), 4 * se);
    double p90 = BatchNormalizedEntry.saturation(Saturation.of(TANH, 0.9), batch);
    assertEquals((double) past90 / n, p90, 4 * Math.sqrt(p90 * (1 - p90) / n));
    assertEquals(0, past99);
    assertEquals(0.0, BatchNormalizedEntry.saturation(Saturation.of(TANH, 0.99), batch), 0.0);
    assertTrue(m.meanSquare() > ActivationMoments.of(TANH, 1.0).meanSquare(),
        "lighter tails, more of the mass where tanh is steep: a larger E[tanh²]");
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
