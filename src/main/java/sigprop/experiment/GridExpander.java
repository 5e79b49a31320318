package sigprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sigprop.net.Activation;
import sigprop.net.InitSpec;
import sigprop.net.LossType;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.StandardActivation;

/**
 * Expands an experiment into cells — every combination of its axes (first axis outermost), each
 * at every seed (innermost) — and checks each combination: batch norm over one example, a cell
 * larger than the executor heap, two combinations that make the same cell.
 */
final class GridExpander {
  /** Heap (or same-cell) problems listed per experiment before the rest are only counted. */
  private static final int MAX_LISTED_PROBLEMS = 5;

  private final String sweep;
  private final long heapBytes;
  /** G1's region size in the JVMs that run the cells (0: none), for the memory estimate. */
  private final long regionBytes;
  private final Problems problems;

  /**
   * An expander checking cells against {@code heapBytes} (0 or less: no memory check) in heaps of
   * G1 regions of {@code regionBytes}.
   */
  GridExpander(String sweep, long heapBytes, long regionBytes, Problems problems) {
    this.sweep = sweep;
    this.heapBytes = heapBytes;
    this.regionBytes = regionBytes;
    this.problems = problems;
  }

  /** The experiment's plan; combinations with problems are left out. */
  ExperimentPlan expand(ExperimentConfig e) {
    List<Axis> axes = new ArrayList<>();
    long combinations = 1;
    for (AxisConfig a : e.axes()) {
      axes.add(new Axis(a.setting().axis(), a.values().stream().map(SettingValue::text).toList()));
      if (combinations <= ExperimentReader.MAX_CELLS) { // stops short of overflow
        combinations *= a.values().size();
      }
    }
    List<CellSpec> cells = new ArrayList<>();
    if (combinations * e.seeds().size() > ExperimentReader.MAX_CELLS) {
      return new ExperimentPlan(e.name(), axes, e.seeds(), cells); // reported by the reader
    }
    Map<String, String> seen = new HashMap<>();
    int heapProblems = 0;
    int sameCellProblems = 0;
    // An idle depth or width axis is reported once by the reader; its pairs are not listed.
    boolean listSameCells = !e.idleSizeAxis();
    int[] index = new int[e.axes().size()];
    for (long c = 0; c < combinations; c++) {
      Map<Setting, SettingValue> values = new EnumMap<>(e.fixed());
      Map<String, String> picked = new LinkedHashMap<>();
      for (int a = 0; a < index.length; a++) {
        SettingValue v = e.axes().get(a).values().get(index[a]);
        values.put(e.axes().get(a).setting(), v);
        picked.put(e.axes().get(a).setting().axis(), v.text());
      }
      CellSpec cell = build(e, values, picked);
      if (cell != null) {
        checkNorm(e, values, cell);
        checkLoss(e, values);
        checkGradientReachesHiddenLayers(e, values);
        if (heapBytes > 0 && cell.memoryBytes(regionBytes) > heapBytes
            && heapProblems++ < MAX_LISTED_PROBLEMS) {
          problems.add(sizeKey(e), sizeLine(e), tooLarge(cell, picked));
        }
        String other = seen.putIfAbsent(cell.parameters().toString(), describe(picked));
        if (other != null && listSameCells && sameCellProblems++ < MAX_LISTED_PROBLEMS) {
          problems.add(e.child("grid"), gridLine(e), "the grid values " + other + " and "
              + describe(picked) + " make the same cell" + sameCellHint(e));
        }
        for (long seed : e.seeds()) {
          cells.add(cell.withSeed(seed));
        }
      }
      advance(index, e.axes());
    }
    if (heapProblems > MAX_LISTED_PROBLEMS) {
      problems.add(sizeKey(e), sizeLine(e), "… and " + (heapProblems - MAX_LISTED_PROBLEMS)
          + " more configurations larger than the executor heap");
    }
    if (sameCellProblems > MAX_LISTED_PROBLEMS) {
      problems.add(e.child("grid"), gridLine(e), "… and "
          + (sameCellProblems - MAX_LISTED_PROBLEMS) + " more pairs of grid values that make the"
          + " same cell");
    }
    return new ExperimentPlan(e.name(), axes, e.seeds(), cells);
  }

  /** Moves to the next combination, the last axis fastest. */
  private static void advance(int[] index, List<AxisConfig> axes) {
    for (int a = index.length - 1; a >= 0; a--) {
      if (++index[a] < axes.get(a).values().size()) {
        return;
      }
      index[a] = 0;
    }
  }

  private CellSpec build(ExperimentConfig e, Map<Setting, SettingValue> v,
      Map<String, String> picked) {
    @SuppressWarnings("unchecked")
    List<Integer> explicit = (List<Integer>) v.get(Setting.WIDTHS).value();
    int depth = (Integer) v.get(Setting.DEPTH).value();
    int width = (Integer) v.get(Setting.WIDTH).value();
    int inputWidth = (Integer) v.get(Setting.INPUT_WIDTH).value();
    try {
      NetworkSpec network = new NetworkSpec(inputWidth,
          explicit.isEmpty() ? Collections.nCopies(depth, width) : explicit,
          (Activation) v.get(Setting.ACTIVATION).value(), (Norm) v.get(Setting.NORM).value(),
          (NormPlacement) v.get(Setting.NORM_PLACEMENT).value(),
          (Double) v.get(Setting.NORM_EPS).value(), (InitSpec) v.get(Setting.INIT).value(),
          (InitSpec) v.get(Setting.BIAS).value(), (Integer) v.get(Setting.CLASSES).value(),
          (Activation) v.get(Setting.OUTPUT_ACTIVATION).value());
      InputSpec input = new InputSpec((Integer) v.get(Setting.BATCH).value(), inputWidth,
          (String) v.get(Setting.DISTRIBUTION).value(), (Long) v.get(Setting.INPUT_SEED).value(),
          (Boolean) v.get(Setting.REDRAW_PER_SEED).value());
      TrainingSpec training = new TrainingSpec((Double) v.get(Setting.LEARNING_RATE).value(),
          (Double) v.get(Setting.MOMENTUM).value(), (Double) v.get(Setting.WEIGHT_DECAY).value());
      LossType loss = (LossType) v.get(Setting.LOSS).value();
      return new CellSpec(sweep, e.name(), network, input, loss, 0L, e.record(), training,
          CellParameters.of(network, input, loss, training, e.record()));
    } catch (IllegalArgumentException ex) {
      // The readers check every value on its own; this catches what only a combination breaks.
      problems.add(e.child("grid"), gridLine(e), describe(picked) + ": " + ex.getMessage());
      return null;
    }
  }

  /**
   * Norms over a single value: every normalized value would be 0. This check and the two below
   * hold whatever made the combination, an override included (unlike a value no cell uses, left
   * alone when an override idles it): such cells record zeros, not a smaller run's numbers.
   */
  private void checkNorm(ExperimentConfig e, Map<Setting, SettingValue> v, CellSpec cell) {
    SettingValue norm = v.get(Setting.NORM);
    SettingValue batch = v.get(Setting.BATCH);
    if (norm.value() == Norm.LAYER && cell.network().hiddenWidths().contains(1)) {
      boolean listed = !((List<?>) v.get(Setting.WIDTHS).value()).isEmpty();
      SettingValue width = v.get(listed ? Setting.WIDTHS : Setting.WIDTH);
      String widthKey = e.child(listed ? "network.widths" : "network.width");
      problems.add(norm.node() == null ? e.child("network.norm") : norm.node().path(),
          norm.node() == null ? "" : norm.node().location(),
          "layer norm needs layers at least 2 wide, but " + width.where(widthKey)
              + (listed ? " has a width of 1" : " is 1")
              + " (over one unit every normalized value is 0)");
    }
    if (norm.value() == Norm.BATCH && (Integer) batch.value() == 1) {
      String batchKey = e.child("input.batch");
      problems.add(norm.node() == null ? e.child("network.norm") : norm.node().path(),
          norm.node() == null ? "" : norm.node().location(),
          "batch norm needs a batch of at least 2, but " + batch.where(batchKey)
              + " is 1 (over one example every normalized value is 0)");
    }
  }

  /**
   * Cross-entropy over one class: the softmax of one output is 1, so the loss is 0 and every
   * gradient the cell records is 0.
   */
  private void checkLoss(ExperimentConfig e, Map<Setting, SettingValue> v) {
    SettingValue classes = v.get(Setting.CLASSES);
    if (v.get(Setting.LOSS).value() == LossType.CROSS_ENTROPY && (Integer) classes.value() == 1) {
      YamlNode at = classes.node(); // 1 is never the default, so it was written somewhere
      problems.add(at.path(), at.location(), "cross_entropy over 1 class has loss 0 and every"
          + " gradient 0 (the softmax of one output is 1), but " + v.get(Setting.LOSS)
          .where(e.child("loss.type")) + " is cross_entropy; use classes >= 2, or loss mse or"
          + " sum_of_outputs");
    }
  }

  /**
   * sum_of_outputs through a linear head hands every example the same ∂L/∂y at the last hidden
   * layer, and a batch norm after that layer's activation maps a gradient constant over the batch
   * to exactly 0: every hidden layer's gradient is 0, and the cell would record rounding noise
   * (~1e-17) as if it were one.
   */
  private void checkGradientReachesHiddenLayers(ExperimentConfig e, Map<Setting, SettingValue> v) {
    SettingValue placement = v.get(Setting.NORM_PLACEMENT);
    if (v.get(Setting.LOSS).value() == LossType.SUM_OF_OUTPUTS
        && v.get(Setting.NORM).value() == Norm.BATCH
        && placement.value() == NormPlacement.AFTER_ACTIVATION
        && v.get(Setting.OUTPUT_ACTIVATION).value() == StandardActivation.LINEAR) {
      YamlNode at = placement.node(); // after_activation is never the default
      problems.add(at.path(), at.location(), "batch norm after the activation gives every hidden"
          + " layer a gradient of exactly 0 under sum_of_outputs with a linear head (∂L/∂y is"
          + " the same for every example, and batch norm maps a constant to 0), but "
          + v.get(Setting.LOSS).where(e.child("loss.type")) + " is sum_of_outputs and "
          + v.get(Setting.OUTPUT_ACTIVATION).where(e.child("network.output_activation"))
          + " is linear; use norm_placement before_activation, loss mse or cross_entropy, or"
          + " another output_activation");
    }
  }

  /** The line of the grid's first axis (where a combination's problem points), or "". */
  private static String gridLine(ExperimentConfig e) {
    YamlNode first = e.axes().isEmpty() ? null : e.axes().get(0).node();
    return first == null || first.location().equals("--set") ? "" : first.location();
  }

  /**
   * The line of a too-large cell: the grid's, or without a grid the first size written in the
   * file (the problem had no line at all).
   */
  private static String sizeLine(ExperimentConfig e) {
    if (!e.axes().isEmpty()) {
      return gridLine(e);
    }
    for (Setting s : List.of(Setting.DEPTH, Setting.WIDTH, Setting.WIDTHS, Setting.BATCH,
        Setting.INPUT_WIDTH)) {
      YamlNode node = e.fixed().get(s).node();
      if (node != null && !node.location().equals("--set")) {
        return node.location();
      }
    }
    return "";
  }

  /** Where a too-large cell is reported: the grid that made it, or the fixed network. */
  private static String sizeKey(ExperimentConfig e) {
    return e.child(e.axes().isEmpty() ? "network" : "grid");
  }

  private String tooLarge(CellSpec cell, Map<String, String> picked) {
    Map<String, String> shown = new LinkedHashMap<>(picked);
    for (String key : List.of(CellParameters.DEPTH, CellParameters.WIDTH, CellParameters.WIDTHS,
        CellParameters.BATCH, CellParameters.INPUT_WIDTH)) {
      String value = cell.parameters().get(key);
      if (value != null) {
        shown.putIfAbsent(key, value);
      }
    }
    return "the cell " + describe(shown) + " needs about "
        + Sizes.bytes(cell.memoryBytes(regionBytes))
        + ", more than the " + Sizes.bytes(heapBytes) + " heap a cell gets (an executor's heap"
        + " less the 300 MiB Spark keeps, over its task slots; in local mode this JVM's heap,"
        + " SIGPROP_HEAP, less the same, over the local threads)"
        + (cell.memoryMostlyStatistics(regionBytes)
            ? "; most of it for the records: fewer histogram bins (record.histogram), sites or"
                + " steps, or " + MORE_HEAP
            : "; lower batch, width or depth, or " + MORE_HEAP);
  }

  /**
   * How a cell gets more heap. In local mode spark.driver.memory cannot do it: the JVM already
   * runs when Spark reads it (a sweep with -Dspark.driver.memory=40g still gave each cell 2 GiB).
   */
  private static final String MORE_HEAP = "give each cell more heap: in local mode a larger"
      + " SIGPROP_HEAP (jobs/sigprop's -Xmx, 4g unless set; spark-submit's --driver-memory) or"
      + " fewer threads (--master local[1]); on a cluster a larger spark.executor.memory or fewer"
      + " spark.executor.cores";

  private static String sameCellHint(ExperimentConfig e) {
    boolean widthsSet = !((List<?>) e.fixed().get(Setting.WIDTHS).value()).isEmpty()
        || e.axes().stream().anyMatch(a -> a.setting() == Setting.WIDTHS);
    return widthsSet ? " (widths, when set, overrides width and depth)" : "";
  }

  /** {depth: 4, init: normal(std=1.0)}, or "the experiment's settings" without axes. */
  private static String describe(Map<String, String> picked) {
    if (picked.isEmpty()) {
      return "(the experiment's settings)";
    }
    StringBuilder b = new StringBuilder("{");
    picked.forEach((k, val) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ")
        .append(val));
    return b.append('}').toString();
  }
}
