package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code pre_activation_gradient} site is ∂L/∂z, z = x·W + b the dense output before any
 * norm: checked entry by entry against fourth-order central differences of the loss in z, and
 * without a norm against φ′(z)⊙∂L/∂y from the other two sites.
 */
class PreActivationGradientTest {
  private static final int BATCH = 5;
  private static final int DEPTH = 3;
  private static final double STEP = 5e-4;

  private static NetworkSpec spec(Norm norm, NormPlacement placement) {
    return new NetworkSpec(8, List.of(6, 7, 6), StandardActivation.TANH, norm, placement,
        NetworkSpec.DEFAULT_EPS, InitSpec.of(InitScheme.XAVIER_NORMAL),
        InitSpec.of(InitScheme.ZEROS), 4, StandardActivation.LINEAR);
  }

  private static Matrix input(int width) {
    Matrix x = new Matrix(BATCH, width);
    RandomStreams.standardNormals(RandomStreams.of(7, 0, Purpose.INPUT), x.data);
    return x;
  }

  private static Loss loss(int classes) {
    return LossType.CROSS_ENTROPY.create(BATCH, classes, RandomStreams.of(7, 0, Purpose.TARGETS));
  }

  /** Records chosen sites at their true values (the gradients' scale applied). */
  private static final class Capture implements Probe {
    final Map<String, double[]> values = new HashMap<>();

    @Override
    public boolean wants(int layer, Site site) {
      return true;
    }

    @Override
    public void record(int layer, Site site, Matrix v, int log2Scale) {
      double[] d = v.data.clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.scalb(d[i], log2Scale);
      }
      values.put(site.key() + layer, d);
    }
  }

  /** Loss after adding {@code delta} to entry {@code entry} of layer {@code layer}'s z. */
  private static double lossWithNudge(Network net, Matrix x, Loss loss, int layer, int entry,
      double delta) {
    // The probe sees z before the norm and activation read it (forward only; backward
    // recomputes from the kept copy, which a loss value never needs).
    Matrix out = net.forward(x, new Probe() {
      @Override
      public boolean wants(int l, Site site) {
        return l == layer && site == Site.PRE_ACTIVATION;
      }

      @Override
      public void record(int l, Site site, Matrix z, int log2Scale) {
        z.data[entry] += delta;
      }
    });
    return loss.value(out);
  }

  @ParameterizedTest
  @CsvSource({"NONE, BEFORE_ACTIVATION", "BATCH, BEFORE_ACTIVATION", "LAYER, BEFORE_ACTIVATION",
      "BATCH, AFTER_ACTIVATION", "LAYER, AFTER_ACTIVATION"})
  void recordedGradientMatchesCentralDifferencesInZ(Norm norm, NormPlacement placement) {
    NetworkSpec spec = spec(norm, placement);
    Network net = Network.build(spec, BATCH, 3, PlainMatMul.INSTANCE);
    Matrix x = input(spec.inputWidth());
    Loss loss = loss(spec.classes());
    Capture capture = new Capture();
    Matrix out = net.forward(x, capture);
    Matrix g = new Matrix(out.rows, out.cols);
    loss.gradient(out, g);
    net.backward(g, capture, GradientSink.NONE);

    double worst = 0;
    for (int l = 1; l <= DEPTH + 1; l++) {
      double[] analytic = capture.values.get(Site.PRE_ACTIVATION_GRADIENT.key() + l);
      assertEquals(BATCH * spec.width(l), analytic.length);
      for (int e = 0; e < analytic.length; e++) {
        double numeric = (-lossWithNudge(net, x, loss, l, e, 2 * STEP)
            + 8 * lossWithNudge(net, x, loss, l, e, STEP)
            - 8 * lossWithNudge(net, x, loss, l, e, -STEP)
            + lossWithNudge(net, x, loss, l, e, -2 * STEP)) / (12 * STEP);
        double error = Math.abs(analytic[e] - numeric)
            / Math.max(1e-10, Math.abs(analytic[e]) + Math.abs(numeric));
        worst = Math.max(worst, error);
      }
    }
    assertTrue(worst < GradientCheck.THRESHOLD, "worst relative error " + worst);

    if (norm == Norm.NONE) {
      for (int l = 1; l <= DEPTH; l++) {
        double[] z = capture.values.get(Site.PRE_ACTIVATION.key() + l);
        double[] gy = capture.values.get(Site.OUTPUT_GRADIENT.key() + l);
        double[] expected = new double[z.length];
        for (int i = 0; i < z.length; i++) {
          double t = Math.tanh(z[i]);
          expected[i] = (1 - t * t) * gy[i];
        }
        assertArrayEquals(expected, capture.values.get(Site.PRE_ACTIVATION_GRADIENT.key() + l),
            1e-15, "layer " + l + ": φ′(z)⊙∂L/∂y");
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"NONE", "BATCH"})
  void recordsCarryTheLayersScaleLikeTheOtherGradients(Norm norm) {
    // Rescaling at every layer changes the recorded mantissas, not the true values.
    NetworkSpec spec = spec(norm, NormPlacement.BEFORE_ACTIVATION);
    Matrix x = input(spec.inputWidth());
    Loss loss = loss(spec.classes());
    Capture plain = new Capture();
    Capture rescaled = new Capture();
    for (Capture c : new Capture[] {plain, rescaled}) {
      Network net = Network.build(spec, BATCH, 3, PlainMatMul.INSTANCE);
      if (c == rescaled) {
        net.setRescaleExponent(0);
      }
      Matrix out = net.forward(x, Probe.NONE);
      Matrix g = new Matrix(out.rows, out.cols);
      loss.gradient(out, g);
      net.backward(g, c, GradientSink.NONE);
    }
    for (int l = 1; l <= DEPTH + 1; l++) {
      String key = Site.PRE_ACTIVATION_GRADIENT.key() + l;
      assertArrayEquals(plain.values.get(key), rescaled.values.get(key), 0.0, key);
    }
  }
}
