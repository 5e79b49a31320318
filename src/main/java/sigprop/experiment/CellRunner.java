package sigprop.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import sigprop.net.CrossEntropyLoss;
import sigprop.net.GradientSink;
import sigprop.net.Loss;
import sigprop.net.LossType;
import sigprop.net.MatMul;
import sigprop.net.MatMuls;
import sigprop.net.Matrix;
import sigprop.net.MeanSquaredErrorLoss;
import sigprop.net.Network;
import sigprop.net.PlainMatMul;
import sigprop.net.Probe;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Sgd;
import sigprop.net.SumOfOutputsLoss;
import sigprop.net.WeightMode;

/**
 * Runs one cell: builds its network, and at every recorded step forwards the fixed input x,
 * backpropagates the loss and records every site; between recorded steps it takes SGD steps on a
 * synthetic task (fresh inputs each step, labelled by a fixed random linear teacher, all from the
 * cell's seed). Never throws for the cell's own failures: they become the result's status.
 * Single-threaded and in a fixed order, so a cell gives the same bits wherever it runs. A cell
 * that never trains redraws its weights instead of keeping them ({@link CellSpec#weightMode()}),
 * which halves its memory and changes no bit.
 */
public final class CellRunner {
  private CellRunner() {}

  /** Runs the cell with the given matrix kernel. */
  public static CellResult run(CellSpec cell, MatMul mm) {
    return run(cell, mm, cell.weightMode());
  }

  /**
   * Runs the cell with the given kernel and weight mode; any mode gives the same bits, so this
   * is for tests and benchmarks. {@link WeightMode#REDRAWN} fails (status FAILED) if it trains.
   */
  public static CellResult run(CellSpec cell, MatMul mm, WeightMode weightMode) {
    long start = System.nanoTime();
    List<Double> losses = new ArrayList<>();
    StatsProbe probe = null;
    Network net = null;
    try {
      int batch = cell.input().batch();
      net = Network.build(cell.network(), batch, cell.seed(), mm, weightMode);
      probe = new StatsProbe(net, cell.record());
      Matrix x = cell.input().draw(cell.seed());
      Loss loss = cell.loss().create(batch, cell.network().classes(),
          RandomStreams.of(cell.seed(), 0, Purpose.TARGETS));
      TrainingSpec t = cell.training();
      Sgd sgd = new Sgd(t.learningRate(), t.momentum(), t.weightDecay());
      Matrix teacher = teacher(cell);
      boolean nonFiniteLoss = false;
      for (int step = 0; step <= cell.record().lastStep(); step++) {
        if (cell.record().steps().contains(step)) {
          probe.beginPass(step);
          double value = pass(net, x, loss, probe, GradientSink.NONE);
          probe.endPass();
          losses.add(value);
          nonFiniteLoss |= !Double.isFinite(value);
        }
        if (step < cell.record().lastStep()) {
          Matrix xs = trainingInputs(cell, step);
          pass(net, xs, trainingLoss(cell, xs, teacher), Probe.NONE, sgd);
        }
      }
      boolean diverged = nonFiniteLoss || probe.nonFinite() > 0
          || probe.unrecordedNonFinite() > 0 || sgd.sawNonFinite();
      return new CellResult(cell, diverged ? CellStatus.DIVERGED : CellStatus.OK,
          diverged ? divergenceMessage(probe.nonFinite(), probe.unrecordedNonFinite(),
              nonFiniteLoss, sgd.sawNonFinite()) : "",
          losses, seconds(start), probe.records());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // An OutOfMemoryError here is this cell's: its network is released below, and the sweep
      // goes on with a failed row instead of Spark ending the executor.
      List<LayerRecord> kept = probe == null ? List.of() : probe.records();
      return new CellResult(cell, CellStatus.FAILED, String.valueOf(e), losses, seconds(start),
          kept);
    } finally {
      if (net != null) {
        net.release(); // the next cell takes its memory
      }
    }
  }

  /**
   * Runs the cell with the fastest kernel; IllegalStateException, not a failed cell, when this
   * JVM could not choose one ({@link KernelChoice}: a machine problem, refused before a sweep).
   */
  public static CellResult run(CellSpec cell) {
    return run(cell, MatMuls.best());
  }

  private static double pass(Network net, Matrix x, Loss loss, Probe probe,
      GradientSink sink) {
    Matrix out = net.forward(x, probe);
    double value = loss.value(out);
    Matrix g = new Matrix(out.rows, out.cols);
    int scale = loss.gradient(out, g);
    net.backward(g, scale, probe, sink);
    return value;
  }

  private static String divergenceMessage(long nonFinite, long unrecorded, boolean loss,
      boolean parameters) {
    List<String> what = new ArrayList<>();
    if (nonFinite > 0) {
      what.add(nonFinite + " non-finite recorded values");
    }
    if (unrecorded > 0) {
      what.add(unrecorded + " non-finite values in pre-activations or output gradients not"
          + " recorded");
    }
    if (loss) {
      what.add("non-finite loss");
    }
    if (parameters) {
      what.add("non-finite parameters after an SGD step");
    }
    return String.join(", ", what);
  }

  /** The teacher T (input width × classes), N(0, 1), from (seed, 0, TRAINING_TARGETS). */
  private static Matrix teacher(CellSpec cell) {
    Matrix t = new Matrix(cell.input().width(), cell.network().classes());
    RandomStreams.standardNormals(
        RandomStreams.of(cell.seed(), 0, Purpose.TRAINING_TARGETS), t.data);
    return t;
  }

  /** The inputs of training step s, drawn like x from (seed, s, TRAINING_INPUTS). */
  private static Matrix trainingInputs(CellSpec cell, int step) {
    Matrix x = new Matrix(cell.input().batch(), cell.input().width());
    SplittableRandom rng = RandomStreams.of(cell.seed(), step, Purpose.TRAINING_INPUTS);
    if (cell.input().distribution().equals("uniform")) {
      RandomStreams.symmetricUniforms(rng, x.data);
    } else {
      RandomStreams.standardNormals(rng, x.data);
    }
    return x;
  }

  /** Labels argmax(x·T) for cross-entropy, targets x·T/√n for MSE. */
  private static Loss trainingLoss(CellSpec cell, Matrix x, Matrix teacher) {
    Matrix scores = new Matrix(x.rows, teacher.cols);
    PlainMatMul.INSTANCE.ab(x, teacher, scores);
    LossType type = cell.loss();
    if (type == LossType.SUM_OF_OUTPUTS) {
      return new SumOfOutputsLoss();
    }
    if (type == LossType.MSE) {
      double k = 1.0 / Math.sqrt(x.cols);
      for (int i = 0; i < scores.data.length; i++) {
        scores.data[i] *= k;
      }
      return new MeanSquaredErrorLoss(scores);
    }
    int[] labels = new int[x.rows];
    for (int i = 0; i < x.rows; i++) {
      int best = 0;
      for (int j = 1; j < scores.cols; j++) {
        if (scores.get(i, j) > scores.get(i, best)) {
          best = j;
        }
      }
      labels[i] = best;
    }
    return new CrossEntropyLoss(labels);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
