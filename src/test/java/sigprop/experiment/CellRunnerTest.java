package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import sigprop.net.InitScheme;
import sigprop.net.MatMuls;
import sigprop.net.PlainMatMul;
import sigprop.net.VectorMatMul;
import sigprop.net.WeightMode;
import sigprop.net.InitSpec;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormLayer;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Probe;
import sigprop.net.Site;
import sigprop.net.StandardActivation;
import sigprop.stats.LinearBins;
import sigprop.stats.SiteRecord;

class CellRunnerTest {
  private static SiteRecord find(CellResult r, int step, int layer, Site site) {
    return r.records().stream()
        .filter(x -> x.step() == step && x.layer() == layer && x.site() == site)
        .findFirst().orElseThrow().record();
  }

  @Test
  void recordsEverySiteOfEveryLayerAndMatchesADirectComputation() {
    CellSpec cell = TestCells.tanh(16, 3, Norm.BATCH, InitScheme.XAVIER_NORMAL, 20, 4);
    CellResult r = CellRunner.run(cell);
    assertEquals(CellStatus.OK, r.status(), r.message());
    // 3 hidden layers × 7 sites + head × 6 sites (no norm).
    assertEquals(3 * 7 + 6, r.records().size());

    Network net = Network.build(cell.network(), 20, 4);
    Matrix x = cell.input().draw(4);
    double[][] layer2 = new double[1][];
    net.forward(x, new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return layer == 2 && site == Site.OUTPUT;
      }
      @Override public void record(int layer, Site site, Matrix v, int s) {
        layer2[0] = v.data.clone();
      }
    });
    double mean = 0;
    for (double v : layer2[0]) {
      mean += v;
    }
    mean /= layer2[0].length;
    double ss = 0;
    for (double v : layer2[0]) {
      ss += (v - mean) * (v - mean);
    }
    SiteRecord out2 = find(r, 0, 2, Site.OUTPUT);
    assertEquals(320, out2.count());
    assertEquals(mean, out2.mean(), 1e-15);
    assertEquals(ss / 319, out2.variance(), 1e-13);
    assertTrue(out2.jacobian() > 0, "jacobian " + out2.jacobian());
    assertTrue(out2.fracSat90() >= 0 && out2.fracSat90() <= 1);
    assertTrue(Double.isNaN(find(r, 0, 2, Site.OUTPUT_GRADIENT).fracSat90()));
  }

  @Test
  void preActivationGradientStatisticsMatchTheGradientComputedDirectly() {
    for (Norm norm : List.of(Norm.NONE, Norm.BATCH)) {
      CellSpec cell = TestCells.tanh(16, 3, norm, InitScheme.XAVIER_NORMAL, 20, 4);
      CellResult r = CellRunner.run(cell);
      assertEquals(CellStatus.OK, r.status(), r.message());
      // z and ∂L/∂y of layer 2 from a network of the same cell, then ∂L/∂z by hand: without a
      // norm φ′(z)⊙∂L/∂y; with batch norm before tanh, the norm's backward of tanh′(x̂)⊙∂L/∂y.
      Network net = Network.build(cell.network(), 20, 4);
      Map<Site, double[]> seen = new java.util.EnumMap<>(Site.class);
      Probe capture = new Probe() {
        @Override public boolean wants(int layer, Site site) {
          return layer == 2 && (site == Site.PRE_ACTIVATION || site == Site.OUTPUT_GRADIENT);
        }
        @Override public void record(int layer, Site site, Matrix v, int s) {
          double[] d = v.data.clone();
          for (int i = 0; i < d.length; i++) {
            d[i] = Math.scalb(d[i], s);
          }
          seen.put(site, d);
        }
      };
      Matrix out = net.forward(cell.input().draw(4), capture);
      Matrix g = new Matrix(out.rows, out.cols);
      cell.loss().create(20, 10, RandomStreams.of(4, 0, Purpose.TARGETS)).gradient(out, g);
      net.backward(g, capture, sigprop.net.GradientSink.NONE);
      Matrix z = new Matrix(20, 16);
      System.arraycopy(seen.get(Site.PRE_ACTIVATION), 0, z.data, 0, z.data.length);
      double[] gy = seen.get(Site.OUTPUT_GRADIENT);
      double[] gz = new double[gy.length];
      if (norm == Norm.NONE) {
        for (int i = 0; i < gz.length; i++) {
          double t = Math.tanh(z.data[i]);
          gz[i] = (1 - t * t) * gy[i];
        }
      } else {
        NormLayer bn = new NormLayer(Norm.BATCH, 20, 16, NetworkSpec.DEFAULT_EPS);
        Matrix xhat = new Matrix(20, 16);
        bn.forward(z, xhat);
        Matrix gMid = new Matrix(20, 16);
        for (int i = 0; i < gz.length; i++) {
          double t = Math.tanh(xhat.data[i]);
          gMid.data[i] = (1 - t * t) * gy[i];
        }
        Matrix gZ = new Matrix(20, 16);
        bn.backward(z, gMid, gZ, new Matrix(1, 16), new Matrix(1, 16));
        gz = gZ.data;
      }
      double mean = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : gz) {
        mean += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      mean /= gz.length;
      double ss = 0;
      for (double v : gz) {
        ss += (v - mean) * (v - mean);
      }
      SiteRecord rec = find(r, 0, 2, Site.PRE_ACTIVATION_GRADIENT);
      String what = norm + ": ";
      assertEquals(320, rec.count(), what + "count");
      double scale = Math.sqrt(ss / 319);
      assertEquals(mean, rec.mean(), 1e-12 * scale, what + "mean");
      assertEquals(ss / 319, rec.variance(), 1e-12 * ss / 319, what + "variance");
      assertEquals(min, rec.min(), 1e-12 * scale, what + "min");
      assertEquals(max, rec.max(), 1e-12 * scale, what + "max");
      assertTrue(Double.isNaN(rec.fracSat90()), what + "no saturation on a gradient");
      assertTrue(rec.histogram().spec() instanceof sigprop.stats.LogBins, what + "log bins");
    }
  }

  @Test
  void sigmoidSaturationCountsUnitsNearZeroAndNearOne() {
    // N(0,1) weights at width 64: pre-activations of sd ≈ 4.5 push σ to both asymptotes.
    NetworkSpec spec = NetworkSpec.uniform(64, 64, 3, StandardActivation.SIGMOID, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 4);
    CellSpec cell = TestCells.cell(spec, 16, 5, List.of(0));
    CellResult r = CellRunner.run(cell);
    assertEquals(CellStatus.OK, r.status(), r.message());
    double[][] out = new double[1][];
    Network.build(cell.network(), 16, 5).forward(cell.input().draw(5), new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return layer == 2 && site == Site.OUTPUT;
      }
      @Override public void record(int layer, Site site, Matrix v, int s) {
        out[0] = v.data.clone();
      }
    });
    long low90 = 0;
    long high90 = 0;
    long sat99 = 0;
    for (double v : out[0]) {
      low90 += v < 0.05 ? 1 : 0;
      high90 += v > 0.95 ? 1 : 0;
      sat99 += v < 0.005 || v > 0.995 ? 1 : 0;
    }
    assertTrue(low90 > 50 && high90 > 50, low90 + " near 0, " + high90 + " near 1");
    SiteRecord rec = find(r, 0, 2, Site.OUTPUT);
    assertEquals(new LinearBins(0, 1, cell.record().histogram().linearBins()),
        rec.histogram().spec(), "bins over sigmoid's range");
    assertEquals(low90 + high90, rec.saturated90());
    assertEquals(sat99, rec.saturated99());
  }

  /**
   * Every record of a small tanh cell with the default bins, as bits: pinned from the code before
   * record.histogram.sites, so a config without it records what it did (a deliberate change of
   * the numbers updates the pin).
   */
  @Test
  void recordsWithTheDefaultBinsArePinned() throws Exception {
    CellSpec cell = TestCells.tanh(8, 3, Norm.NONE, InitScheme.XAVIER_NORMAL, 6, 2);
    StringBuilder text = new StringBuilder();
    for (LayerRecord lr : CellRunner.run(cell).records()) {
      // The stored fields only: derived ones (log10, quantiles) may differ in an ulp by JIT.
      SiteRecord r = lr.record();
      sigprop.stats.Moments m = r.moments();
      text.append(lr.step()).append(' ').append(lr.layer()).append(' ').append(lr.site())
          .append(List.of(m.count(), m.scaledMean(), m.scaledM2(), m.scaledMin(), m.scaledMax(),
              m.scaledSumAbs(), m.log2Scale(), r.nonFinite(), r.zeros(), r.saturated90(),
              r.saturated99(), r.jacobianSum(), r.jacobianCount()))
          .append(sigprop.spark.HistogramSpecCodec.encode(r.histogram().spec()))
          .append(java.util.Arrays.toString(r.histogram().nonEmptySlots()))
          .append(java.util.Arrays.toString(r.histogram().nonEmptyCounts())).append('\n');
    }
    assertEquals("e02bd0eaaebf859742b26912735eb551acf7cbdd00906ef6594d633ef74c02bc",
        CanonicalConfig.sha256(text.toString()));
  }

  @Test
  void sameCellGivesIdenticalRecords() {
    CellSpec cell = TestCells.tanh(8, 4, Norm.LAYER, InitScheme.ORTHOGONAL, 6, 2);
    assertEquals(CellRunner.run(cell).records(), CellRunner.run(cell).records());
  }

  @Test
  void eitherMatrixKernelGivesTheSameBits() {
    assertEquals("vector", MatMuls.best().name(), "the Vector API kernel passed its self-test");
    // An executor without the Vector API module runs the plain kernel: same records, losses
    // after training steps too.
    CellSpec cell = TestCells.cell(
        TestCells.tanh(64, 4, Norm.NONE, InitScheme.XAVIER_NORMAL, 64, 6).network(), 64, 6,
        List.of(0, 2));
    CellResult best = CellRunner.run(cell, new VectorMatMul(), cell.weightMode());
    CellResult plain = CellRunner.run(cell, PlainMatMul.INSTANCE, cell.weightMode());
    assertEquals(CellStatus.OK, plain.status(), plain.message());
    assertEquals(best.records(), plain.records());
    assertEquals(best.losses(), plain.losses());
  }

  @Test
  void redrawingTheWeightsChangesNoRecord() {
    CellSpec cell = TestCells.tanh(24, 20, Norm.BATCH, InitScheme.XAVIER_NORMAL, 10, 6);
    assertEquals(WeightMode.REDRAWN, cell.weightMode(), "a cell that never trains redraws");
    CellResult redrawn = CellRunner.run(cell);
    CellResult kept = CellRunner.run(cell, MatMuls.best(), WeightMode.KEPT);
    assertEquals(CellStatus.OK, redrawn.status(), redrawn.message());
    assertEquals(kept.records(), redrawn.records());
    assertEquals(kept.losses(), redrawn.losses());
    NetworkSpec orthogonal = cell.network().withWeightInit(InitSpec.of(InitScheme.ORTHOGONAL));
    assertEquals(WeightMode.KEPT, TestCells.cell(orthogonal, 10, 6, List.of(0)).weightMode(),
        "a QR per draw is kept");
    assertEquals(WeightMode.KEPT, TestCells.cell(cell.network(), 10, 6, List.of(0, 2))
        .weightMode(), "a cell that trains keeps its weights");
  }

  @Test
  void sameBitsInAnyThreadAndWhileOtherCellsRun() throws Exception {
    CellSpec cell = TestCells.tanh(32, 12, Norm.BATCH, InitScheme.XAVIER_NORMAL, 16, 9);
    List<LayerRecord> alone = CellRunner.run(cell).records();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<CellResult>> runs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        runs.add(pool.submit(() -> CellRunner.run(cell)));
      }
      for (Future<CellResult> run : runs) {
        assertEquals(alone, run.get().records());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void trainingStepsChangeTheRecordsAndLowerTheTrainingLoss() {
    NetworkSpec net = NetworkSpec.uniform(8, 16, 3, StandardActivation.TANH, Norm.BATCH,
        InitSpec.of(InitScheme.XAVIER_NORMAL), 4);
    CellResult r = CellRunner.run(TestCells.cell(net, 32, 1, List.of(0, 5)));
    assertEquals(CellStatus.OK, r.status(), r.message());
    assertEquals(2, r.losses().size());
    assertTrue(find(r, 0, 1, Site.WEIGHT).mean() != find(r, 5, 1, Site.WEIGHT).mean());
  }

  @Test
  void deepTanhWithBatchNormHasFiniteLogScaledGradientsThatGrowTowardTheInput() {
    // 500 layers of tanh + batch norm: ∂L/∂y grows ≈1.18× in variance per layer toward the
    // input (Yang et al. 2019), ≈1e36 overall — finite in every record via the log2 scale.
    CellSpec cell = TestCells.tanh(64, 500, Norm.BATCH, InitScheme.XAVIER_NORMAL, 64, 0);
    CellResult r = CellRunner.run(cell);
    assertEquals(CellStatus.OK, r.status(), r.message());
    for (int layer = 1; layer <= 500; layer++) {
      SiteRecord g = find(r, 0, layer, Site.OUTPUT_GRADIENT);
      assertTrue(Double.isFinite(g.log10Variance()), "layer " + layer);
      assertEquals(0, g.nonFinite());
    }
    double top = find(r, 0, 450, Site.OUTPUT_GRADIENT).log10Variance();
    double bottom = find(r, 0, 50, Site.OUTPUT_GRADIENT).log10Variance();
    double perLayer = Math.pow(10, (bottom - top) / 400);
    assertTrue(perLayer > 1.12 && perLayer < 1.26, "growth per layer " + perLayer);
  }

  @Test
  void normalInitTanhGradientsLeaveDoubleRangeButRecordsStayFinite() {
    // N(0,1) weights at width 128: the output gradient's variance grows 5–17× per layer toward
    // the input, so over 500 layers it passes 1e308 — the record says so in log10 form.
    CellSpec cell = TestCells.tanh(128, 500, Norm.NONE, InitScheme.NORMAL, 32, 0);
    CellResult r = CellRunner.run(cell);
    assertEquals(CellStatus.OK, r.status(), r.message());
    SiteRecord first = find(r, 0, 1, Site.OUTPUT_GRADIENT);
    SiteRecord last = find(r, 0, 500, Site.OUTPUT_GRADIENT);
    double growth = first.log10Variance() - last.log10Variance();
    assertTrue(growth > 308, "grew only 1e" + growth);
    assertTrue(Double.isFinite(first.log10Variance()));
    assertEquals(Double.POSITIVE_INFINITY, first.variance(), "true variance beyond double range");
    double perLayer = Math.pow(10, growth / 499);
    assertTrue(perLayer > 5 && perLayer < 17, "growth per layer " + perLayer);
    SiteRecord out = find(r, 0, 200, Site.OUTPUT);
    assertTrue(out.fracSat90() > 0.5, "N(0,1) tanh saturates: " + out.fracSat90());
  }

  @Test
  void overflowIsRecordedAsDivergedWithItsRecords() {
    // Linear, N(0,1), width 64: the output's std grows 8× per layer and overflows near layer 341.
    NetworkSpec net = NetworkSpec.uniform(64, 64, 400, StandardActivation.LINEAR, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 4);
    CellResult r = CellRunner.run(TestCells.cell(net, 8, 0, List.of(0)));
    assertEquals(CellStatus.DIVERGED, r.status());
    assertTrue(r.message().contains("non-finite"), r.message());
    Predicate<LayerRecord> top = x -> x.layer() == 400 && x.site() == Site.OUTPUT;
    assertTrue(r.records().stream().filter(top).findFirst().orElseThrow().record().nonFinite()
        > 0);
    assertEquals(401 * 6, r.records().size(), "every site still recorded");
  }

  /**
   * Tanh, hidden widths 512, 512, 2, N(0, 1e307²) weights: from layer 2 the pre-activations (±1
   * inputs, sd ≈ 2.3e308) overflow to ±∞ while the outputs stay ±1, the gradients 0, and the
   * head's logits (two terms) and the loss finite. Recording only the outputs, the cell still
   * reads as diverged.
   */
  @Test
  void overflowAtASiteNotRecordedIsStillDiverged() {
    NetworkSpec uniform = NetworkSpec.uniform(512, 512, 3, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 1e307)), 2);
    NetworkSpec net = new NetworkSpec(512, List.of(512, 512, 2), uniform.activation(),
        uniform.norm(), uniform.placement(), uniform.normEps(), uniform.weightInit(),
        uniform.biasInit(), 2, uniform.outputActivation());
    CellResult r = CellRunner.run(TestCells.cell(net, 4, 0, List.of(0), Set.of(Site.OUTPUT)));
    assertEquals(CellStatus.DIVERGED, r.status(), r.message());
    assertTrue(r.message().contains("non-finite values in pre-activations or output gradients"
        + " not recorded"), r.message());
    assertTrue(r.records().stream().allMatch(x -> x.record().nonFinite() == 0),
        "what is recorded is finite");
    CellResult recorded = CellRunner.run(TestCells.cell(net, 4, 0, List.of(0),
        Set.of(Site.OUTPUT, Site.PRE_ACTIVATION)));
    assertEquals(CellStatus.DIVERGED, recorded.status());
    assertTrue(recorded.message().contains("recorded values")
        && !recorded.message().contains("not recorded"), recorded.message());
  }

  /**
   * Batch and layer norm divide out the weights' scale, 1e200 included: N(0, 1e400) weights draw
   * the same standard normals as N(0, 1) ones, so the hidden layers' outputs match (to the ε
   * the norm adds to a variance near 16 against near 1e401). Before the norms scaled their
   * overflowing Σ(x − m)², every hidden output here read 0 in a cell marked ok.
   */
  @Test
  void normsDivideOutAWeightScaleBeyondTheSquaresRange() {
    for (Norm norm : List.of(Norm.BATCH, Norm.LAYER)) {
      CellResult unit = CellRunner.run(TestCells.tanh(16, 3, norm, InitScheme.NORMAL, 32, 0));
      NetworkSpec huge = NetworkSpec.uniform(16, 16, 3, StandardActivation.TANH, norm,
          InitSpec.of(InitScheme.NORMAL, Map.of("std", 1e200)), 10);
      CellResult big = CellRunner.run(TestCells.cell(huge, 32, 0, List.of(0)));
      assertEquals(CellStatus.OK, big.status(), big.message());
      for (int layer = 1; layer <= 3; layer++) {
        SiteRecord expected = find(unit, 0, layer, Site.OUTPUT);
        SiteRecord actual = find(big, 0, layer, Site.OUTPUT);
        assertTrue(expected.variance() > 0.1, norm + " layer " + layer);
        assertEquals(expected.variance(), actual.variance(), 1e-5 * expected.variance(),
            norm + " layer " + layer);
        assertEquals(expected.mean(), actual.mean(), 1e-5, norm + " layer " + layer);
      }
    }
  }

  /**
   * Linear, width 16, N(0, 1e-6) weights: the outputs shrink ×4e-3 per layer, are subnormal
   * from layer 129 (bits lost, as documented) and exactly 0 from 135, and the cell stays ok:
   * `frac_zero` shows where, the log10 variance of an all-zero tensor is −∞, nothing is
   * non-finite, and the loss is ln 4 (all logits 0). The weight gradients of the layers fed by
   * subnormal inputs keep the log10 variance of the layers below (about −727), since the
   * product inᵀ·g̃ is formed at order one and carried in the scale.
   */
  @Test
  void forwardUnderflowReadsZeroInAnOkCell() {
    NetworkSpec net = NetworkSpec.uniform(16, 16, 140, StandardActivation.LINEAR, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 1e-3)), 4);
    CellResult r = CellRunner.run(TestCells.cell(net, 16, 0, List.of(0)));
    assertEquals(CellStatus.OK, r.status(), r.message());
    assertEquals(Math.log(4), r.losses().get(0), 1e-15);
    assertTrue(r.records().stream().allMatch(x -> x.record().nonFinite() == 0));
    SiteRecord subnormal = find(r, 0, 130, Site.OUTPUT);
    assertTrue(subnormal.max() < Double.MIN_NORMAL && subnormal.max() > 0, subnormal.toString());
    assertEquals(0.0, subnormal.fracZero());
    assertTrue(Double.isFinite(subnormal.log10Variance()));
    double partly = find(r, 0, 134, Site.OUTPUT).fracZero();
    assertTrue(partly > 0 && partly < 1, "layer 134: " + partly);
    SiteRecord zero = find(r, 0, 140, Site.OUTPUT);
    assertEquals(1.0, zero.fracZero());
    assertEquals(256, zero.count());
    assertEquals(Double.NEGATIVE_INFINITY, zero.log10Variance());
    double below = find(r, 0, 120, Site.WEIGHT_GRADIENT).log10Variance();
    for (int layer = 130; layer <= 135; layer++) {
      double v = find(r, 0, layer, Site.WEIGHT_GRADIENT).log10Variance();
      assertEquals(below, v, 1.5, "weight gradient at layer " + layer);
    }
  }

  /**
   * An SGD step whose update passes double's range (lr 1e307, weight decay 100 on N(0, 1)
   * weights: steps of 1e309) writes ∞ into the weights; the cell is diverged and says so, never
   * ok with infinite weights.
   */
  @Test
  void anSgdStepThatOverflowsTheWeightsIsDiverged() {
    NetworkSpec net = NetworkSpec.uniform(8, 8, 2, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 3);
    CellSpec base = TestCells.cell(net, 8, 0, List.of(0, 1));
    CellSpec cell = new CellSpec(base.sweep(), base.experiment(), net, base.input(), base.loss(),
        base.seed(), base.record(), new TrainingSpec(1e307, 0, 100), base.parameters());
    CellResult r = CellRunner.run(cell);
    assertEquals(CellStatus.DIVERGED, r.status(), r.message());
    assertTrue(r.message().contains("non-finite parameters after an SGD step"), r.message());
    assertTrue(Double.isFinite(r.losses().get(0)), "step 0 ran on the initial weights");
  }

  /** A cell of {@code net} with the given loss and training, recording steps 0 and 1. */
  private static CellSpec cell(NetworkSpec net, int batch, sigprop.net.LossType loss,
      TrainingSpec training, List<Integer> steps) {
    CellSpec base = TestCells.cell(net, batch, 0, steps);
    return new CellSpec(base.sweep(), base.experiment(), net, base.input(), loss, base.seed(),
        base.record(), training, base.parameters());
  }

  /**
   * 1 → 1 → 1 tanh, batch 1, mean squared error, N(0, σ²) weights with σ ≈ 1e154 chosen so
   * that the output o = ±w₂ (a saturated tanh feeds the head) has |o − t| = 1.2e154: the loss
   * (o − t)² ≈ 1.4e308 is a double, ∂L/∂h = 2(o − t)·w₂ ≈ 2.9e308 is not, and is carried in its
   * scale. Before backprop rescaled the loss's gradient ahead of the head's products, that
   * product read ∞ and the cell was diverged with a finite loss.
   */
  @Test
  void mseInItsOverflowWindowIsOkWithFiniteGradients() {
    NetworkSpec unit = NetworkSpec.uniform(1, 1, 1, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 1);
    double n2 = Network.build(unit, 1, 0).layers().get(1).weight().value().data[0];
    Matrix target = new Matrix(1, 1);
    RandomStreams.standardNormals(RandomStreams.of(0, 0, Purpose.TARGETS), target.data);
    double std = (1.2e154 + Math.signum(n2) * target.data[0]) / Math.abs(n2);
    NetworkSpec net = unit.withWeightInit(InitSpec.of(InitScheme.NORMAL, Map.of("std", std)));
    CellResult r = CellRunner.run(cell(net, 1, sigprop.net.LossType.MSE, TrainingSpec.DEFAULT,
        List.of(0)));
    assertEquals(CellStatus.OK, r.status(), r.message());
    assertTrue(r.losses().get(0) > 1e308 && r.losses().get(0) < Double.MAX_VALUE,
        "loss " + r.losses());
    SiteRecord dh = find(r, 0, 1, Site.OUTPUT_GRADIENT);
    assertEquals(0, dh.nonFinite());
    double log10 = Math.log10(2 * 1.2e154) + Math.log10(Math.abs(n2) * std);
    assertEquals(log10, dh.moments().log10MeanAbs(), 1e-12);
  }

  /**
   * 1 → 1 → 1 linear, batch 1, mean squared error, weights N(0, σ²) with σ ≈ 1e154 chosen for
   * an output of ±1.5e308: it makes the loss ∞ (the cell is diverged, as documented), and the
   * loss's gradient 2(o − t), past the range too, is carried in its scale: every record stays
   * finite.
   */
  @Test
  void mseBeyondTheRangeIsDivergedWithFiniteGradientRecords() {
    NetworkSpec unit = NetworkSpec.uniform(1, 1, 1, StandardActivation.LINEAR, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 1);
    Matrix x = cell(unit, 1, sigprop.net.LossType.MSE, TrainingSpec.DEFAULT, List.of(0)).input()
        .draw(0);
    double o = Network.build(unit, 1, 0).forward(x, Probe.NONE).data[0];
    NetworkSpec net = unit.withWeightInit(InitSpec.of(InitScheme.NORMAL,
        Map.of("std", Math.sqrt(1.5e308) / Math.sqrt(Math.abs(o)))));
    CellResult r = CellRunner.run(cell(net, 1, sigprop.net.LossType.MSE, TrainingSpec.DEFAULT,
        List.of(0)));
    assertEquals(CellStatus.DIVERGED, r.status(), r.message());
    assertEquals("non-finite loss", r.message());
    double out = Math.abs(find(r, 0, 2, Site.OUTPUT).mean());
    assertTrue(out > 0.9e308 && out < Double.MAX_VALUE, "output " + out);
    SiteRecord top = find(r, 0, 2, Site.OUTPUT_GRADIENT);
    assertEquals(Math.log10(2) + Math.log10(out), top.moments().log10MeanAbs(), 1e-6);
  }

  /**
   * 1200 layers of width-64 tanh with N(0, 1) weights (the chaotic phase): ∂L/∂W of the first
   * layers passes 1e330. With η = 1e-100 a training step moves those weights by about 1e230,
   * exactly (it wrote ±∞: a diverged cell); with η = 0.01 the true step passes double's range
   * too, and the cell is diverged from that step with every record of step 0 kept.
   */
  @Test
  void trainingOnGradientsPastTheRangeIsExactOrDiverged() {
    NetworkSpec net = NetworkSpec.uniform(64, 64, 1200, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 10);
    Set<Site> sites = Set.of(Site.WEIGHT, Site.WEIGHT_GRADIENT);
    CellSpec base = TestCells.cell(net, 8, 0, List.of(0, 1), sites);
    CellSpec small = new CellSpec(base.sweep(), base.experiment(), net, base.input(), base.loss(),
        base.seed(), base.record(), new TrainingSpec(1e-100, 0, 0), base.parameters());
    CellResult r = CellRunner.run(small);
    assertEquals(CellStatus.OK, r.status(), r.message());
    double gradient = find(r, 0, 1, Site.WEIGHT_GRADIENT).moments().log10MeanAbs();
    assertTrue(gradient > 320, "log10 mean |∂L/∂W| = " + gradient);
    double moved = find(r, 1, 1, Site.WEIGHT).moments().log10MeanAbs();
    assertTrue(moved > gradient - 100 - 3 && moved < gradient - 100 + 3, "1e" + moved);

    CellSpec large = new CellSpec(base.sweep(), base.experiment(), net, base.input(),
        base.loss(), base.seed(), base.record(), new TrainingSpec(0.01, 0, 0),
        base.parameters());
    CellResult d = CellRunner.run(large);
    assertEquals(CellStatus.DIVERGED, d.status(), d.message());
    assertTrue(d.message().contains("non-finite parameters after an SGD step"), d.message());
    List<LayerRecord> first = d.records().stream().filter(x -> x.step() == 0).toList();
    assertEquals(r.records().stream().filter(x -> x.step() == 0).toList(), first);
    assertEquals(1201 * 2, first.size());
    assertTrue(first.stream().allMatch(x -> x.record().nonFinite() == 0));
    assertTrue(Double.isFinite(d.losses().get(0)));
  }

  /** Relu keeps NaN: an overflowed relu net must not read as zeros with a finite loss. */
  @Test
  void anOverflowedReluNetIsDivergedWhateverItRecords() {
    NetworkSpec net = NetworkSpec.uniform(16, 16, 300, StandardActivation.RELU, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL, Map.of("std", 10.0)), 4);
    for (Site site : List.of(Site.OUTPUT_GRADIENT, Site.WEIGHT, Site.OUTPUT)) {
      CellResult r = CellRunner.run(TestCells.cell(net, 16, 0, List.of(0), Set.of(site)));
      assertEquals(CellStatus.DIVERGED, r.status(), site + ": " + r.message());
      assertTrue(Double.isNaN(r.losses().get(0)), site + ": loss " + r.losses());
    }
  }

  @Test
  void aFailingCellIsFailedNotThrown() {
    NetworkSpec net = NetworkSpec.uniform(4, 4, 2, StandardActivation.TANH, Norm.BATCH,
        InitSpec.of(InitScheme.NORMAL, Map.of()), 2);
    CellResult r = CellRunner.run(TestCells.cell(net, 1, 0, List.of(0)));
    assertEquals(CellStatus.FAILED, r.status());
    assertTrue(r.message().contains("batch of at least 2"), r.message());
  }
}
