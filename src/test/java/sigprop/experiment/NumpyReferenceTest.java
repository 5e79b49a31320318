package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sigprop.net.Activations;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.Layer;
import sigprop.net.Loss;
import sigprop.net.LossType;
import sigprop.net.MatMuls;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.Probe;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Sgd;
import sigprop.net.Site;

/**
 * sigprop against an independent implementation: forward outputs, loss, every parameter gradient,
 * every recorded site, three SGD steps with momentum and weight decay, and a cell's training
 * through {@link CellRunner}, each compared with values computed outside the project by numpy in
 * extended precision from the same weights and inputs (how, in the header of
 * {@code sigprop/reference/numpy-reference.txt}). Agreement is to 1e-12 of each checksum's scale
 * (measured: 5e-15 at worst), except through a batch norm over a batch of 2: there each unit
 * normalizes to ±√(v/(v+ε)) and the gradient through it carries the factor 1 − x̂² = ε/(v+ε),
 * formed by cancellation, so any double-precision backprop (numpy's in double too) is off by
 * about 1e-16·v/ε relative: 5e-12 measured, 1e-10 allowed.
 */
class NumpyReferenceTest {
  private static final double LEARNING_RATE = 0.05;
  private static final double MOMENTUM = 0.9;
  private static final double WEIGHT_DECAY = 0.01;
  private static final int STEPS = 3;
  private static final double TOLERANCE = 1e-12;
  private static final double BATCH_OF_TWO_TOLERANCE = 1e-10;

  /** One network: biases N(0, 0.3²) or zero; γ and β drawn at random where there is a norm. */
  record Case(String name, int inputWidth, List<Integer> widths, String activation, Norm norm,
      NormPlacement placement, boolean bias, LossType loss, int classes, String outputActivation,
      int batch, long seed, InitScheme init) {
    NetworkSpec spec() {
      InitSpec biases = bias ? InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.3))
          : InitSpec.of(InitScheme.ZEROS);
      return new NetworkSpec(inputWidth, widths, Activations.named(activation, Map.of()), norm,
          placement, NetworkSpec.DEFAULT_EPS, InitSpec.of(init), biases, classes,
          Activations.named(outputActivation, Map.of()));
    }

    double tolerance() {
      return norm == Norm.BATCH && batch == 2 ? BATCH_OF_TWO_TOLERANCE : TOLERANCE;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    NormPlacement before = NormPlacement.BEFORE_ACTIVATION;
    NormPlacement after = NormPlacement.AFTER_ACTIVATION;
    return List.of(
        new Case("tanh_none_ce_widths", 5, List.of(6, 5, 7), "tanh", Norm.NONE, before, true,
            LossType.CROSS_ENTROPY, 3, "linear", 4, 1, InitScheme.XAVIER_NORMAL),
        new Case("relu_bn_before_mse", 6, List.of(8, 8, 8, 8), "relu", Norm.BATCH, before, true,
            LossType.MSE, 3, "linear", 6, 2, InitScheme.KAIMING_NORMAL),
        new Case("tanh_ln_after_mse_sigmoidhead", 5, List.of(7, 6, 7, 5), "tanh", Norm.LAYER,
            after, true, LossType.MSE, 3, "sigmoid", 6, 5, InitScheme.ORTHOGONAL),
        new Case("selu_bn_after_ce", 5, List.of(6, 6, 6), "selu", Norm.BATCH, after, true,
            LossType.CROSS_ENTROPY, 3, "linear", 4, 9, InitScheme.LECUN_NORMAL),
        new Case("linear_width1", 3, List.of(1, 1, 1), "tanh", Norm.NONE, before, true,
            LossType.CROSS_ENTROPY, 2, "linear", 3, 13, InitScheme.XAVIER_NORMAL),
        new Case("depth1_bn_batch2", 4, List.of(5), "tanh", Norm.BATCH, before, true,
            LossType.MSE, 2, "linear", 2, 14, InitScheme.XAVIER_NORMAL));
  }

  /** Σᵢ cᵢ·vᵢ and Σᵢ |cᵢ·vᵢ| with cᵢ = (i mod 7 + 1)·(−1)^i, as the reference file has them. */
  private static double[] checksum(double[] v) {
    double sum = 0;
    double scale = 0;
    for (int i = 0; i < v.length; i++) {
      double c = (i % 7 + 1) * (i % 2 == 0 ? 1 : -1);
      sum += c * v[i];
      scale += Math.abs(c * v[i]);
    }
    return new double[] {sum, scale};
  }

  /** The reference file: case name → key → {checksum, scale}. */
  private static Map<String, Map<String, double[]>> reference() throws IOException {
    Map<String, Map<String, double[]>> all = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        NumpyReferenceTest.class.getResourceAsStream("/sigprop/reference/numpy-reference.txt"),
        StandardCharsets.UTF_8))) {
      Map<String, double[]> current = null;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (line.startsWith("== ")) {
          current = new LinkedHashMap<>();
          all.put(line.substring(3), current);
          continue;
        }
        int last = line.lastIndexOf(' ');
        int middle = line.lastIndexOf(' ', last - 1);
        current.put(line.substring(0, middle), new double[] {
            Double.parseDouble(line.substring(middle + 1, last)),
            Double.parseDouble(line.substring(last + 1))});
      }
    }
    return all;
  }

  /** What sigprop computes for each key of the case, the scalars as {value, |value|}. */
  private static Map<String, double[]> sigprop(Case c) {
    Map<String, double[]> got = new LinkedHashMap<>();
    NetworkSpec spec = c.spec();
    Network net = Network.build(spec, c.batch(), c.seed(), MatMuls.best());
    SplittableRandom norms = new SplittableRandom(c.seed() * 7 + 1);
    for (Layer layer : net.layers()) {
      if (layer.norm() != null) {
        for (int j = 0; j < layer.fanOut(); j++) {
          layer.norm().gamma().value().data[j] = 0.5 + norms.nextDouble();
          layer.norm().beta().value().data[j] = 0.2 * norms.nextGaussian();
        }
      }
    }
    Matrix x = new Matrix(c.batch(), c.inputWidth());
    RandomStreams.standardNormals(RandomStreams.of(c.seed(), 0, Purpose.INPUT), x.data);
    Loss loss = c.loss().create(c.batch(), c.classes(),
        RandomStreams.of(c.seed(), 0, Purpose.TARGETS));

    Probe sites = new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return site != Site.WEIGHT && site != Site.WEIGHT_GRADIENT;
      }
      @Override public void record(int layer, Site site, Matrix v, int log2Scale) {
        got.put("site " + site.key() + "_" + layer, checksum(trueValues(v, log2Scale)));
      }
    };
    Matrix out = net.forward(x, sites);
    double value = loss.value(out);
    got.put("loss", new double[] {value, Math.abs(value)});
    got.put("output", checksum(out.data));
    Matrix g = new Matrix(out.rows, out.cols);
    loss.gradient(out, g);
    net.backward(g, sites, (layer, p, grad, log2Scale) ->
        got.put("grad " + p.name() + "_" + layer, checksum(trueValues(grad, log2Scale))));

    Sgd sgd = new Sgd(LEARNING_RATE, MOMENTUM, WEIGHT_DECAY);
    for (int step = 0; step <= STEPS; step++) {
      Matrix o = net.forward(x, Probe.NONE);
      double l = loss.value(o);
      got.put("sgd loss_" + step, new double[] {l, Math.abs(l)});
      if (step < STEPS) {
        Matrix gs = new Matrix(o.rows, o.cols);
        loss.gradient(o, gs);
        net.backward(gs, Probe.NONE, sgd);
      }
    }
    for (Layer layer : net.layers()) {
      BiConsumer<String, Matrix> put = (name, m) ->
          got.put("sgd " + name + "_" + layer.index(), checksum(m.data));
      put.accept("weight", layer.weight().value());
      put.accept("bias", layer.bias().value());
      if (layer.norm() != null) {
        put.accept("gamma", layer.norm().gamma().value());
        put.accept("beta", layer.norm().beta().value());
      }
    }
    return got;
  }

  private static double[] trueValues(Matrix v, int log2Scale) {
    double[] d = v.data.clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.scalb(d[i], log2Scale);
    }
    return d;
  }

  /**
   * Within {@code tolerance} of the expected scale, or of {@code floor} (the case's largest
   * gradient scale) for a gradient that is 0 in exact arithmetic (a bias before a batch norm,
   * which subtracts it again), where double rounding leaves noise.
   */
  private static void assertClose(String what, double[] expected, double[] actual,
      double tolerance, double floor) {
    double delta = tolerance * Math.max(expected[1], floor);
    assertEquals(expected[0], actual[0], delta, what);
    assertEquals(expected[1], actual[1], delta, what + " (scale)");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void forwardBackwardAndSgdStepsMatchTheReference(Case c) throws IOException {
    Map<String, double[]> expected = new LinkedHashMap<>(reference().get(c.name()));
    expected.keySet().removeIf(k -> k.startsWith("cell "));
    Map<String, double[]> actual = sigprop(c);
    assertEquals(expected.keySet(), actual.keySet(), "the same quantities");
    double gradientScale = expected.entrySet().stream().filter(e -> e.getKey().startsWith("grad"))
        .mapToDouble(e -> e.getValue()[1]).max().orElseThrow();
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      assertClose(c.name() + ": " + e.getKey(), e.getValue(), actual.get(e.getKey()),
          c.tolerance(), e.getValue()[1] < 1e-10 * gradientScale ? gradientScale : 0);
      checked.add(e.getKey());
    }
    assertTrue(checked.size() > 25, checked.toString());
  }

  /**
   * The cell's recorded losses at steps 0 and 3, after CellRunner trains three steps on its own
   * task (fresh inputs each step, a random linear teacher), with γ = 1 and β = 0 as built.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void cellRunnerTrainingMatchesTheReference(Case c) throws IOException {
    Map<String, double[]> expected = reference().get(c.name());
    RecordSpec record = new RecordSpec(EnumSet.of(Site.OUTPUT), List.of(0, STEPS),
        HistogramSettings.DEFAULT);
    CellSpec cell = new CellSpec("test", "reference", c.spec(),
        new InputSpec(c.batch(), c.inputWidth(), "normal", 0, false), c.loss(), c.seed(), record,
        new TrainingSpec(LEARNING_RATE, MOMENTUM, WEIGHT_DECAY), Map.of("case", c.name()));
    CellResult result = CellRunner.run(cell);
    assertEquals(CellStatus.OK, result.status(), result.message());
    assertEquals(2, result.losses().size());
    for (int i = 0; i < 2; i++) {
      double l = result.losses().get(i);
      String key = "cell loss_" + (i == 0 ? 0 : STEPS);
      assertClose(c.name() + ": " + key, expected.get(key), new double[] {l, Math.abs(l)},
          c.tolerance(), 0);
    }
  }
}
