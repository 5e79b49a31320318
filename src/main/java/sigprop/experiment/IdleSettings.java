package sigprop.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import sigprop.net.Norm;

/**
 * Settings that no cell of an experiment can use: the norm's placement and ε without a norm,
 * training settings when no cell trains (momentum when no cell takes a second SGD step, the first
 * being η·(g + λ·p) whatever μ), the input's seed when every cell draws x from its own seed, and
 * redrawing x per seed when the one seed run is the input's seed. Such a value gives cells other
 * ids and the same numbers, so a user would compare configurations that never differed.
 */
final class IdleSettings {
  private static final List<Setting> CHECKED = List.of(Setting.NORM_PLACEMENT, Setting.NORM_EPS,
      Setting.LEARNING_RATE, Setting.MOMENTUM, Setting.WEIGHT_DECAY, Setting.INPUT_SEED,
      Setting.REDRAW_PER_SEED);

  /**
   * Why a setting changes nothing ("%s" standing for "cell of experiment 'x'"), what to do after
   * "drop it" (" or add a norm"), and where the values that make it idle are written.
   */
  private record Idle(String because, String remedy, List<YamlNode> causes) {
    String because(String cells) {
      return because.replace("%s", cells);
    }
  }

  private IdleSettings() {}

  /** The experiment's fixed values and axes of the settings above, each with its verdict. */
  static List<ValueUse> uses(ExperimentConfig e, Scope scope, boolean multi) {
    List<ValueUse> uses = new ArrayList<>();
    String cells = "cell of " + ValueUse.EXPERIMENT;
    ValueUse inputSeed = null;
    ValueUse redraw = null;
    for (Setting s : CHECKED) {
      Idle found = idle(s, e, scope);
      AxisConfig axis = axis(e, s);
      YamlNode node = axis != null ? axis.node() : e.fixed().get(s).node();
      if (node == null) {
        continue; // the built-in default
      }
      boolean varies = axis != null && axis.values().size() > 1;
      // Several values of an idle setting make configurations with the same numbers in this
      // experiment's outputs, wherever the axis comes from: judged here alone, and always.
      Idle idle = found == null || !varies && ValueUse.idledByOverride(node, found.causes())
          ? null : found;
      ValueUse use;
      String remedy = idle == null ? "" : idle.remedy();
      if (axis != null) {
        boolean own = varies || ValueUse.own(node, scope.explicit("grid", s.axis()), multi);
        use = new ValueUse(node, "grid." + s.axis(), !own, e.name(),
            idle == null ? null : idle.because(cells),
            varies ? "varies " + s.axis() + ", but " : "has no effect: ",
            (varies ? ", so its values make cells with the same numbers" : "")
                + "; drop the axis" + remedy, null);
      } else {
        boolean own = ValueUse.own(node, scope.explicit(s.section(), s.key()), multi);
        use = new ValueUse(node, s.section() + "." + s.key(), !own, e.name(),
            idle == null ? null : idle.because(cells), "has no effect: ", "; drop it" + remedy,
            null);
      }
      if (s == Setting.INPUT_SEED) {
        inputSeed = use; // added below, with redraw_per_seed's use as its cover when both idle
      } else {
        uses.add(use);
        redraw = s == Setting.REDRAW_PER_SEED ? use : redraw;
      }
    }
    if (inputSeed != null) {
      uses.add(redraw != null && inputSeed.idle() && redraw.idle() ? inputSeed.coveredBy(redraw)
          : inputSeed);
    }
    return uses;
  }

  /**
   * Why no cell of the experiment uses the setting, or null when some cell does, or when a value
   * that decides it could not be read (the experiment holds a default in its place: judging by
   * it would blame a value that is fine).
   */
  private static Idle idle(Setting s, ExperimentConfig e, Scope scope) {
    boolean readable = switch (s) {
      case NORM_PLACEMENT, NORM_EPS -> readable(e, scope, Setting.NORM);
      case LEARNING_RATE -> RecordReader.stepsReadCleanly(scope);
      case WEIGHT_DECAY, MOMENTUM -> RecordReader.stepsReadCleanly(scope)
          && readable(e, scope, Setting.LEARNING_RATE);
      case INPUT_SEED -> readable(e, scope, Setting.REDRAW_PER_SEED);
      default -> readable(e, scope, Setting.INPUT_SEED) && seedsReadable(scope);
    };
    return readable ? idleWhenRead(s, e, scope) : null;
  }

  private static Idle idleWhenRead(Setting s, ExperimentConfig e, Scope scope) {
    int lastStep = e.record().lastStep();
    List<YamlNode> steps = Collections.singletonList(scope.find("record", "steps"));
    boolean redrawEverywhere = values(e, Setting.REDRAW_PER_SEED).stream()
        .allMatch(Boolean.TRUE::equals);
    // Seeds that could not be read stand in as seed 0: no remedy or reason is built on them.
    Long seed = e.seeds().size() == 1 && seedsReadable(scope) ? e.seeds().get(0) : null;
    boolean inputSeedIsTheSeed = seed != null
        && values(e, Setting.INPUT_SEED).stream().allMatch(seed::equals);
    switch (s) {
      case NORM_PLACEMENT, NORM_EPS:
        return anyNorm(e) ? null : new Idle("no %s has a norm (" + where(e, Setting.NORM)
            + " is none)", " or add a norm", causes(e, Setting.NORM));
      case LEARNING_RATE:
        return lastStep > 0 ? null : noTraining(steps);
      case WEIGHT_DECAY:
        return lastStep == 0 ? noTraining(steps) : weightsStill(e);
      case MOMENTUM:
        if (lastStep == 0 || weightsStill(e) != null) {
          return lastStep == 0 ? noTraining(steps) : weightsStill(e);
        }
        return lastStep > 1 ? null : new Idle("no %s takes more"
            + " than one SGD step (record.steps ends at 1), and the first step is η·(g + λ·p)"
            + " whatever the momentum", " or record later steps", steps);
      case INPUT_SEED:
        return redrawEverywhere ? new Idle("every %s draws x from its own seed ("
            + where(e, Setting.REDRAW_PER_SEED) + " is true)", inputSeedRemedy(seed,
                inputSeedIsTheSeed), causes(e, Setting.REDRAW_PER_SEED)) : null;
      case REDRAW_PER_SEED:
        // With input.seed written, more seeds alone would leave it idle (every cell redrawing).
        boolean inputSeedWritten = redrawEverywhere && causes(e, Setting.INPUT_SEED).get(0) != null;
        return inputSeedIsTheSeed ? new Idle("every %s runs seed " + seed + ", and "
            + where(e, Setting.INPUT_SEED) + " is " + seed + " too, so x is the same either way",
            inputSeedWritten ? ", or drop input.seed and run more seeds" : " or run more seeds",
            Arrays.asList(ExperimentReader.seedsNode(scope),
                causes(e, Setting.INPUT_SEED).get(0))) : null;
      default:
        throw new IllegalArgumentException("not checked: " + s);
    }
  }

  /**
   * What to do, after "drop it", with an input seed that every cell's redrawing makes idle, such
   * that doing it leaves nothing idle: with one seed run, redraw_per_seed is idle in its turn
   * once the input seed (0 when dropped) is that seed.
   */
  private static String inputSeedRemedy(Long seed, boolean inputSeedIsTheSeed) {
    if (inputSeedIsTheSeed) { // while redraw_per_seed's own problem does not say it
      return " or redraw_per_seed (x is the draw of seed " + seed + " either way)";
    }
    return seed != null && seed == 0 ? " and redraw_per_seed (every cell runs seed 0, the"
        + " default input seed), or set redraw_per_seed to false"
        : " or set redraw_per_seed to false";
  }

  /**
   * With a learning rate of 0 in every cell, w ← w − η·v leaves the weights as they are whatever
   * the decay and momentum put into v; null when some cell's learning rate is above 0.
   */
  private static Idle weightsStill(ExperimentConfig e) {
    boolean still = values(e, Setting.LEARNING_RATE).stream()
        .allMatch(v -> ((Number) v).doubleValue() == 0);
    return still ? new Idle("no %s moves its weights (" + where(e, Setting.LEARNING_RATE)
        + " is 0)", " or give a learning rate above 0", causes(e, Setting.LEARNING_RATE)) : null;
  }

  private static Idle noTraining(List<YamlNode> steps) {
    return new Idle("no %s trains (record.steps ends at 0)", " or record later steps", steps);
  }

  /** Where the setting's values over the cells are written (a list of one, null: default). */
  static List<YamlNode> causes(ExperimentConfig e, Setting s) {
    AxisConfig axis = axis(e, s);
    return Collections.singletonList(axis != null ? axis.node()
        : e.fixed().get(s).node());
  }

  /**
   * Whether the setting's values in the experiment are the ones written: each value of its axis
   * read, or its fixed value read (or not written at all).
   */
  static boolean readable(ExperimentConfig e, Scope scope, Setting s) {
    AxisConfig axis = axis(e, s);
    if (axis == null) {
      return e.fixed().get(s).node() != null || scope.find(s.section(), s.key()) == null;
    }
    Problems scratch = new Problems();
    Values.items(axis.node()).forEach(item -> s.read(item, scratch));
    return scratch.isEmpty() && !Values.items(axis.node()).isEmpty();
  }

  /** Whether the experiment's seeds (if written) are a count or a list of seeds. */
  private static boolean seedsReadable(Scope scope) {
    YamlNode node = ExperimentReader.seedsNode(scope);
    Problems scratch = new Problems();
    if (node instanceof YamlNode.Scalar) {
      Values.longInteger(node, scratch, 1, ExperimentReader.MAX_CELLS);
    } else if (node instanceof YamlNode.Sequence seq) {
      seq.items().forEach(item -> Values.longInteger(item, scratch, 0, Long.MAX_VALUE));
    }
    return scratch.isEmpty() && !(node instanceof YamlNode.Mapping);
  }

  /** The experiment's axis of the setting, or null. */
  private static AxisConfig axis(ExperimentConfig e, Setting s) {
    return e.axes().stream().filter(a -> a.setting() == s).findFirst().orElse(null);
  }

  /** Whether some cell of the experiment has a norm. */
  static boolean anyNorm(ExperimentConfig e) {
    return values(e, Setting.NORM).stream().anyMatch(v -> v != Norm.NONE);
  }

  /** The setting's values over the experiment's cells: its axis's, else its fixed value. */
  static List<Object> values(ExperimentConfig e, Setting s) {
    AxisConfig axis = axis(e, s);
    return axis != null ? axis.values().stream().map(SettingValue::value).toList()
        : List.of(Objects.requireNonNull(e.fixed().get(s).value()));
  }

  /** "network.norm (line 3)", "grid.norm (line 5)", "network.norm (default)". */
  static String where(ExperimentConfig e, Setting s) {
    AxisConfig axis = axis(e, s);
    return axis != null ? new SettingValue(null, axis.node()).where("grid." + s.axis())
        : e.fixed().get(s).where(s.section() + "." + s.key());
  }
}
