package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sigprop.net.Activation;
import sigprop.net.GradientSink;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.LossType;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.Probe;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Site;
import sigprop.net.StandardActivation;
import sigprop.stats.Moments;

/** The predictions against networks actually run: issue 7's validation table. */
class TheoryVsMeasurementTest {
  /** Mean over seeds of each hidden layer's log10 variance at a site (index = layer). */
  private static double[] measuredLog10Variance(NetworkSpec spec, int batch, int seeds,
      Site site) {
    double[] sum = new double[spec.depth() + 2];
    for (int seed = 0; seed < seeds; seed++) {
      Network net = Network.build(spec, batch, seed);
      Matrix x = new Matrix(batch, spec.inputWidth());
      RandomStreams.standardNormals(RandomStreams.of(1000 + seed, 0, Purpose.INPUT), x.data);
      Probe probe = new Probe() {
        @Override public boolean wants(int layer, Site s) {
          return s == site;
        }
        @Override public void record(int layer, Site s, Matrix v, int scale) {
          sum[layer] += Moments.of(v.data, 0, v.size(), scale).log10Variance();
        }
      };
      Matrix out = net.forward(x, probe);
      if (site == Site.OUTPUT_GRADIENT) {
        Matrix g = new Matrix(out.rows, out.cols);
        LossType.CROSS_ENTROPY.create(batch, spec.classes(),
            RandomStreams.of(seed, 0, Purpose.TARGETS)).gradient(out, g);
        net.backward(g, probe, GradientSink.NONE);
      }
    }
    for (int l = 0; l < sum.length; l++) {
      sum[l] /= seeds;
    }
    return sum;
  }

  private static NetworkSpec net(Activation phi, InitSpec init, int width, int depth, Norm norm) {
    return NetworkSpec.uniform(width, width, depth, phi, norm, init, 10);
  }

  private static TheoryTable theory(NetworkSpec spec, int batch) {
    return Theory.predict(new TheoryInput(spec.activation(), spec.weightInit(), 0.0,
        TheoryInput.uniformWidths(spec.depth(), spec.inputWidth()), 1.0, spec.norm(),
        NormPlacement.BEFORE_ACTIVATION, batch, spec.normEps()));
  }

  @Test
  void linearNetsFollowTheLinearRegimeProductExactlyUpToSampling() {
    // U[±1/√n] ("standard" init): Var[W] = 1/(3n), so the variance falls ×1/3 per layer. A
    // full-rank batch averages over all n² weights, so the sampling error is ~√2/n per layer.
    NetworkSpec spec = net(StandardActivation.LINEAR, InitSpec.of(InitScheme.GLOROT_STANDARD),
        256, 10, Norm.NONE);
    double[] measured = measuredLog10Variance(spec, 512, 3, Site.PRE_ACTIVATION);
    TheoryTable t = theory(spec, 512);
    for (int l = 1; l <= 10; l++) {
      double predicted = Math.log10(t.row(l).linearForwardVariance());
      assertEquals(Math.log10(Math.pow(1.0 / 3, l)), predicted, 1e-12);
      assertEquals(predicted, measured[l], Math.log10(1.03), "layer " + l);
      assertEquals(predicted, Math.log10(t.row(l).preActivationVariance()), 1e-9);
    }
  }

  @Test
  void tanhXavierFollowsTheLengthMapForTwentyLayers() {
    NetworkSpec spec = net(StandardActivation.TANH, InitSpec.of(InitScheme.XAVIER_NORMAL), 512,
        20, Norm.NONE);
    double[] measured = measuredLog10Variance(spec, 512, 5, Site.PRE_ACTIVATION);
    TheoryTable t = theory(spec, 512);
    for (int l = 1; l <= 20; l++) {
      double predicted = t.row(l).preActivationVariance();
      double ratio = Math.pow(10, measured[l]) / predicted;
      assertEquals(1.0, ratio, 0.05, "layer " + l + ": measured/predicted");
    }
    // σ_w² = 1 is critical for tanh: q^l ≈ 1/(2l) (with a slowly vanishing log correction).
    TheoryTable deep = theory(net(StandardActivation.TANH, InitSpec.of(InitScheme.XAVIER_NORMAL),
        512, 2000, Norm.NONE), 512);
    double twoLq = 2 * 2000 * deep.row(2000).q();
    assertEquals(1.0, twoLq, 0.02, "2·l·q^l at l = 2000");
  }

  @Test
  void standardNormalTanhSaturatesAsTheFixedPointSays() {
    NetworkSpec spec = net(StandardActivation.TANH, InitSpec.of(InitScheme.NORMAL), 256, 10,
        Norm.NONE);
    TheoryTable t = theory(spec, 256);
    double predicted = t.row(10).saturated90();
    Network net = Network.build(spec, 256, 0);
    Matrix x = new Matrix(256, 256);
    RandomStreams.standardNormals(RandomStreams.of(0, 0, Purpose.INPUT), x.data);
    double[] measured = new double[1];
    net.forward(x, new Probe() {
      @Override public boolean wants(int layer, Site s) {
        return layer == 10 && s == Site.OUTPUT;
      }
      @Override public void record(int layer, Site s, Matrix v, int scale) {
        long n = 0;
        for (double y : v.data) {
          n += Math.abs(y) > 0.9 ? 1 : 0;
        }
        measured[0] = (double) n / v.size();
      }
    });
    assertTrue(t.fixedPoint().qStar() > 100, "q* = " + t.fixedPoint().qStar());
    assertTrue(predicted > 0.9, "predicted " + predicted);
    assertEquals(predicted, measured[0], 0.01);
  }

  @Test
  void standardNormalSigmoidSaturatesTowardBothAsymptotesAsPredicted() {
    // N(0,1) weights at width 256: q ≈ 256·E[σ²] ≈ 100, so σ sits near 0 or near 1 for most
    // units; saturated at 0.9 means σ < 0.05 or σ > 0.95 (|z| > ln 19).
    NetworkSpec spec = net(StandardActivation.SIGMOID, InitSpec.of(InitScheme.NORMAL), 256, 10,
        Norm.NONE);
    TheoryTable t = theory(spec, 256);
    Network net = Network.build(spec, 256, 0);
    Matrix x = new Matrix(256, 256);
    RandomStreams.standardNormals(RandomStreams.of(0, 0, Purpose.INPUT), x.data);
    long[] counts = new long[3]; // near 0, near 1, all
    net.forward(x, new Probe() {
      @Override public boolean wants(int layer, Site s) {
        return layer == 10 && s == Site.OUTPUT;
      }
      @Override public void record(int layer, Site s, Matrix v, int scale) {
        for (double y : v.data) {
          counts[0] += y < 0.05 ? 1 : 0;
          counts[1] += y > 0.95 ? 1 : 0;
        }
        counts[2] = v.size();
      }
    });
    double predicted = t.row(10).saturated90();
    assertTrue(predicted > 0.6, "predicted " + predicted);
    assertTrue(counts[0] > counts[2] / 4 && counts[1] > counts[2] / 4,
        counts[0] + " near 0 and " + counts[1] + " near 1 of " + counts[2]);
    assertEquals(predicted, (double) (counts[0] + counts[1]) / counts[2], 0.02);
  }

  @Test
  void reluWithBatchNormGrowsGradientsByPiOverPiMinusOnePerLayer() {
    NetworkSpec spec = net(StandardActivation.RELU, InitSpec.of(InitScheme.KAIMING_NORMAL), 256,
        32, Norm.BATCH);
    double[] measured = measuredLog10Variance(spec, 256, 3, Site.OUTPUT_GRADIENT);
    double perLayer = Math.pow(10, (measured[2] - measured[32]) / 30);
    double predicted = Math.PI / (Math.PI - 1);
    assertEquals(predicted, BatchNormGain.largeBatchLimit(StandardActivation.RELU), 1e-9);
    assertEquals(1.0, perLayer / predicted, 0.05, "measured " + perLayer);
  }

  @Test
  void theoryCoversEveryInitThroughItsWeightVariance() {
    for (InitScheme s : List.of(InitScheme.ORTHOGONAL, InitScheme.KAIMING_UNIFORM,
        InitScheme.LECUN_NORMAL)) {
      TheoryTable t = theory(net(StandardActivation.TANH, InitSpec.of(s, Map.of()), 64, 3,
          Norm.NONE), 64);
      assertTrue(t.row(3).q() > 0);
    }
  }
}
