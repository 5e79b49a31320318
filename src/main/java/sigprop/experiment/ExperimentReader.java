package sigprop.experiment;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one experiment — its fixed settings, grid axes, seeds and record section — from its own
 * mapping and the file's defaults, recording every problem and carrying on past it.
 */
final class ExperimentReader {
  /** Seeds 0..9 unless told otherwise. */
  static final int DEFAULT_SEEDS = 10;
  /**
   * More seeds or cells in one experiment than this is a typo, not a sweep; the plan of this many
   * cells still fits a small driver heap (a million took over 4 GB and minutes to expand).
   */
  static final long MAX_CELLS = 100_000;

  private final Scope scope;
  private final Problems problems;
  private final boolean multi;

  /** {@code multi}: the file has experiments: (a --set path may then reach every one). */
  ExperimentReader(Scope scope, Problems problems, boolean multi) {
    this.scope = scope;
    this.problems = problems;
    this.multi = multi;
  }

  /** The experiment, with defaults standing in for values that had problems. */
  ExperimentConfig read(String name, String path) {
    Map<Setting, SettingValue> fixed = new EnumMap<>(Setting.class);
    for (Setting s : Setting.values()) {
      fixed.put(s, fixed(s));
    }
    if (mergedWidthsOverridden()) {
      fixed.put(Setting.WIDTHS, read(Setting.WIDTHS, scope.inherited("network", "widths")));
    }
    List<AxisConfig> axes = axes();
    for (AxisConfig axis : axes) {
      deadFixedValue(fixed.get(axis.setting()), axis);
    }
    List<Long> seeds = seeds();
    tooManyCells(axes, seeds, path);
    RecordSpec record = new RecordReader(scope, problems).read();
    idleSizeAxes(axes, fixed);
    deadSizeValues(fixed, axes);
    return new ExperimentConfig(name, path, fixed, axes, seeds, record);
  }

  /**
   * The experiment's own fixed value of a setting its grid varies never runs: reported when both
   * are written in the file, or the value is set with --set for this experiment alone (one set
   * in every experiment is shared: {@link UnusedSharedOverrides} judges it over them all). A
   * value from defaults: or taken in by a {@code <<} merge key is what the axis replaces, by
   * design, and --set grid.X=… over a file's value is how to vary it: neither is reported.
   */
  private void deadFixedValue(SettingValue f, AxisConfig axis) {
    Setting s = axis.setting();
    if (f.node() == null || f.node() != scope.explicit(s.section(), s.key())
        || everyExperiment(f.node())) {
      return;
    }
    if (f.node().location().equals("--set")) {
      problems.add(f.node(), "has no effect: the grid varies " + s.axis() + " ("
          + axis.node().path() + "); use --set " + axis.node().path() + "=…");
    } else if (!axis.node().location().equals("--set")) {
      problems.add(f.node(), "has no effect: " + new SettingValue(null, axis.node())
          .where(axis.node().path()) + " varies " + s.axis() + " in this experiment; drop one");
    }
  }

  /**
   * More than {@link #MAX_CELLS} cells, with the grid's shape and exact size (a BigInteger: the
   * product of long axes can pass Long.MAX_VALUE). Seeds alone count too: a long seed list.
   */
  private void tooManyCells(List<AxisConfig> axes, List<Long> seeds, String path) {
    BigInteger cells = BigInteger.valueOf(seeds.size());
    List<String> shape = new ArrayList<>();
    for (AxisConfig axis : axes) {
      cells = cells.multiply(BigInteger.valueOf(Math.max(1, axis.values().size())));
      shape.add(Axis.describe(axis.setting().axis(), axis.values().size()));
    }
    if (cells.compareTo(BigInteger.valueOf(MAX_CELLS)) <= 0) {
      return;
    }
    shape.add(Axis.describe("seed", seeds.size()));
    YamlNode grid = scope.own("grid");
    YamlNode at = axes.isEmpty() || grid == null ? seedsNode() : grid;
    problems.add(at == null ? YamlNode.child(path, "grid") : at.path(),
        at == null ? "" : at.location(), String.join(" × ", shape) + " = " + cells
            + " cells, more than the " + MAX_CELLS + " one experiment may have; shrink an axis"
            + " or split the grid into experiments");
  }

  /**
   * Depth or width axes where every cell has widths, which give every hidden layer's width and
   * the depth: their values make the same cells, always reported; an axis of one value is a
   * fixed value written in the grid, reported as {@link #deadSizeValues} reports one. (Axes of
   * settings no cell uses, such as a norm's ε without a norm, are reported by
   * {@link IdleValues}.)
   */
  private void idleSizeAxes(List<AxisConfig> axes, Map<Setting, SettingValue> fixed) {
    if (!ExperimentConfig.widthsEverywhere(fixed, axes)) {
      return;
    }
    AxisConfig widthsAxis = ExperimentConfig.widthsAxis(axes);
    YamlNode widths = widthsAxis != null ? widthsAxis.node() : fixed.get(Setting.WIDTHS).node();
    for (AxisConfig axis : axes) {
      Setting s = axis.setting();
      if (s != Setting.DEPTH && s != Setting.WIDTH) {
        continue;
      }
      if (axis.values().size() > 1) {
        // Said once, naming where widths came from (an override, say), instead of one
        // "make the same cell" line per pair of combinations at the grid's line.
        problems.add(axis.node(), "varies " + s.axis() + ", but " + widthsWhere(fixed, axes)
            + " gives every hidden layer's width and the depth, so its values make the same"
            + " cells; drop the axis or widths");
      } else if (ValueUse.own(axis.node(), scope.explicit("grid", s.axis()), multi)
          && !ValueUse.idledByOverride(axis.node(), Collections.singletonList(widths))) {
        // An axis of one value is a fixed value written in the grid: refused as one is.
        problems.add(axis.node(), "has no effect: " + widthsWhere(fixed, axes) + " gives every"
            + " hidden layer's width and the depth; drop one");
      }
    }
  }

  /**
   * The experiment's own depth or width beside widths that every cell has: widths gives each
   * hidden layer's width and the depth, so the value never runs (an axis of it is reported by
   * idleSizeAxes). As with an axis, --set widths over the file's value is how to replace it.
   */
  private void deadSizeValues(Map<Setting, SettingValue> fixed, List<AxisConfig> axes) {
    if (!ExperimentConfig.widthsEverywhere(fixed, axes)) {
      return;
    }
    AxisConfig widthsAxis = ExperimentConfig.widthsAxis(axes);
    YamlNode widths = widthsAxis != null ? widthsAxis.node() : fixed.get(Setting.WIDTHS).node();
    for (Setting s : List.of(Setting.DEPTH, Setting.WIDTH)) {
      YamlNode node = fixed.get(s).node();
      boolean varied = axes.stream().anyMatch(a -> a.setting() == s);
      if (node != null && node == scope.explicit(s.section(), s.key()) && !varied
          && !everyExperiment(node)
          && !(widths.location().equals("--set") && !node.location().equals("--set"))) {
        problems.add(node, "has no effect: " + widthsWhere(fixed, axes) + " gives every hidden"
            + " layer's width and the depth; drop one");
      }
    }
  }

  /**
   * Whether the value is a --set path applied to every experiment: shared, so judged over them
   * all ({@link UnusedSharedOverrides}), as a shared value is fine while some experiment uses it.
   */
  private boolean everyExperiment(YamlNode node) {
    return !ValueUse.own(node, node, multi);
  }

  /** "network.widths (--set)", "grid.widths (line 7)": where the widths come from. */
  private static String widthsWhere(Map<Setting, SettingValue> fixed, List<AxisConfig> axes) {
    AxisConfig widths = ExperimentConfig.widthsAxis(axes);
    return widths != null ? new SettingValue(null, widths.node()).where("grid.widths")
        : fixed.get(Setting.WIDTHS).where("network.widths");
  }

  /**
   * A widths merged with {@code <<:} gives way to the experiment's explicit depth or width, as a
   * merged widths axis does (YAML's explicit keys win over merged ones).
   */
  private boolean mergedWidthsOverridden() {
    return scope.own("network", "widths") != null && scope.explicit("network", "widths") == null
        && (scope.explicit("network", "depth") != null
            || scope.explicit("network", "width") != null);
  }

  private SettingValue fixed(Setting s) {
    return read(s, scope.find(s.section(), s.key()));
  }

  /** A setting's fixed value from a node, or its built-in default when the node is null. */
  private SettingValue read(Setting s, YamlNode node) {
    if (node instanceof YamlNode.Sequence && s != Setting.WIDTHS) {
      // A list where one value goes is most likely meant as an axis: say how to write one.
      boolean set = node.location().equals("--set");
      String values = RecordReader.describe(node);
      problems.add(node, "expected one value, got a list " + values + "; to run each value, make"
          + " it an axis: " + (set ? "--set grid." + s.axis() + "=" + values.substring(1,
              values.length() - 1).replace(" ", "") : "grid: {" + s.axis() + ": " + values
              + "}"));
      return new SettingValue(s.defaultValue(), null);
    }
    if (s != Setting.WIDTHS && Values.missing(node, problems, dropFor(s), s.expected())) {
      return new SettingValue(s.defaultValue(), null);
    }
    Object value = node == null ? null : s.read(node, problems);
    return value == null ? new SettingValue(s.defaultValue(), null) : new SettingValue(value, node);
  }

  /** What dropping an experiment's key gives: the value in defaults:, or the built-in default. */
  private String dropFor(Setting s) {
    YamlNode shared = scope.inherited(s.section(), s.key());
    return shared != null && !Schema.isNull(shared)
        ? "the value in defaults: (" + shared.location() + ")"
        : "the default " + Setting.text(s.defaultValue());
  }

  private List<AxisConfig> axes() {
    List<AxisConfig> axes = new ArrayList<>();
    if (!(scope.own("grid") instanceof YamlNode.Mapping grid)) {
      return axes;
    }
    for (Map.Entry<String, YamlNode> e : grid.view().entrySet()) {
      Setting setting = Setting.byAxis(e.getKey());
      // unknown axes and seeds are handled elsewhere
      if (setting != null && !overriddenMergedAxis(setting, e.getKey())) {
        axes.add(axis(setting, e.getValue()));
      }
    }
    return axes;
  }

  /**
   * An axis taken in by a {@code <<} merge key gives way to the experiment's explicit value of
   * its setting, as YAML's explicit keys win over merged ones: an explicit widths also sets depth
   * and width, and an explicit depth or width replaces a merged widths axis.
   */
  private boolean overriddenMergedAxis(Setting setting, String axisKey) {
    if (scope.explicit("grid", axisKey) != null) {
      return false;
    }
    List<Setting> explicitWins = switch (setting) {
      case DEPTH, WIDTH -> List.of(setting, Setting.WIDTHS);
      case WIDTHS -> List.of(setting, Setting.DEPTH, Setting.WIDTH);
      default -> List.of(setting);
    };
    return explicitWins.stream().anyMatch(s -> scope.explicit(s.section(), s.key()) != null);
  }

  private AxisConfig axis(Setting setting, YamlNode node) {
    List<SettingValue> values = new ArrayList<>();
    if (setting != Setting.WIDTHS && Values.missing(node, problems, null, "the values to run,"
        + " e.g. grid: {" + setting.axis() + ": [" + example(setting) + "]}, or drop the axis")) {
      return new AxisConfig(setting, node, values);
    }
    if (node instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
      problems.add(node, "empty axis: list at least one value");
      return new AxisConfig(setting, node, values);
    }
    if (setting == Setting.WIDTHS && node instanceof YamlNode.Sequence seq
        && seq.items().stream().allMatch(i -> i instanceof YamlNode.Scalar s && !s.isNull())) {
      problems.add(node, "a widths axis is a list of width lists, e.g. widths: [[50, 30], "
          + "[20, 20]] (one network: widths: [" + RecordReader.describe(node) + "])");
      return new AxisConfig(setting, node, values);
    }
    Map<String, YamlNode> seen = new HashMap<>();
    for (YamlNode item : Values.items(node)) {
      Object value = setting.read(item, problems);
      if (value == null) {
        continue;
      }
      SettingValue v = new SettingValue(value, item);
      YamlNode first = seen.putIfAbsent(v.text(), item);
      if (first != null) {
        problems.add(item, "value " + v.text() + " appears twice in this axis (also "
            + first.path() + ")");
        continue;
      }
      values.add(v);
    }
    return new AxisConfig(setting, node, values);
  }

  /** Two values of a setting, for the example of an axis. */
  private static String example(Setting s) {
    return switch (s) {
      case DEPTH -> "4, 20";
      case ACTIVATION, OUTPUT_ACTIVATION -> "tanh, relu";
      case INIT -> "normal, xavier_normal";
      case BIAS -> "zeros, normal";
      case NORM -> "none, batch";
      case NORM_PLACEMENT -> "before_activation, after_activation";
      case DISTRIBUTION -> String.join(", ", InputSpec.DISTRIBUTIONS.subList(0, 2));
      case LOSS -> "cross_entropy, mse";
      case REDRAW_PER_SEED -> "false, true";
      case NORM_EPS, LEARNING_RATE, MOMENTUM, WEIGHT_DECAY -> "0.01, 0.1";
      default -> "64, 256";
    };
  }

  private List<Long> seeds() {
    YamlNode inGrid = scope.own("grid", "seeds");
    YamlNode own = scope.own("seeds");
    boolean sameStanding = (scope.explicit("grid", "seeds") != null)
        == (scope.explicit("seeds") != null); // else the explicit one wins over the merged one
    if (inGrid != null && own != null && sameStanding) {
      problems.add(inGrid, "seeds are given twice (also " + own.path() + "); keep one");
    }
    YamlNode node = seedsNode();
    List<Long> seeds = new ArrayList<>();
    YamlNode shared = scope.inherited("seeds");
    if (node == null || Values.missing(node, problems, shared != null && !Schema.isNull(shared)
        ? "the seeds in defaults: (" + shared.location() + ")"
        : "the default " + DEFAULT_SEEDS + " seeds (0 to " + (DEFAULT_SEEDS - 1) + ")",
        "a count (seeds: 3 runs 0, 1, 2) or a list of seeds ([0, 7])")) {
      for (long s = 0; s < DEFAULT_SEEDS; s++) {
        seeds.add(s);
      }
    } else if (node instanceof YamlNode.Scalar) {
      Problems read = new Problems();
      Long count = Values.longInteger(node, read, 0, Long.MAX_VALUE);
      if (count != null && count == 0) {
        // A count of 0 is most likely meant as seed 0, which is a list of one.
        problems.add(node, "must be >= 1, got 0 (a count of seeds; seed 0 alone is seeds: [0])");
        count = null;
      } else if (!read.isEmpty()) {
        count = Values.longInteger(node, problems, 1, Long.MAX_VALUE); // says what is wrong
      } else if (count > MAX_CELLS) {
        problems.add(node, count + " seeds = " + count + " cells at least, more than the "
            + MAX_CELLS + " one experiment may have; run fewer seeds");
        count = null;
      }
      for (long s = 0; s < (count == null ? 1 : count); s++) {
        seeds.add(s);
      }
    } else if (node instanceof YamlNode.Sequence seq) {
      seedList(seq, seeds);
    } else {
      problems.add(node, "expected a count (seeds: 10 → 0..9) or a list of seeds, got "
          + node.describe());
      seeds.add(0L);
    }
    return seeds;
  }

  /**
   * Where the seeds are written: the experiment's explicit seeds or grid.seeds, else its merged
   * grid.seeds or seeds (grid.seeds first), else the defaults' seeds.
   */
  private YamlNode seedsNode() {
    return seedsNode(scope);
  }

  /** Where an experiment of this scope has its seeds written, or null (the default). */
  static YamlNode seedsNode(Scope scope) {
    YamlNode explicitInGrid = scope.explicit("grid", "seeds");
    YamlNode explicit = explicitInGrid != null ? explicitInGrid : scope.explicit("seeds");
    if (explicit != null) {
      return explicit;
    }
    YamlNode inGrid = scope.own("grid", "seeds");
    return inGrid != null ? inGrid : scope.find("seeds");
  }

  private void seedList(YamlNode.Sequence seq, List<Long> seeds) {
    if (seq.items().isEmpty()) {
      problems.add(seq, "must list at least one seed");
    }
    Set<Long> seen = new HashSet<>(); // a list's contains() was quadratic in long seed lists
    for (YamlNode item : seq.items()) {
      Long seed = Values.longInteger(item, problems, 0, Long.MAX_VALUE);
      if (seed != null && !seen.add(seed)) {
        problems.add(item, "seed " + seed + " appears twice");
      } else if (seed != null) {
        seeds.add(seed);
      }
    }
    if (seeds.isEmpty()) {
      seeds.add(0L);
    }
  }
}
