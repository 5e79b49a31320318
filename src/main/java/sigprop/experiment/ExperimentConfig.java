package sigprop.experiment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment as read and checked, before expansion: its fixed settings (every setting, with
 * defaults filled in), its grid axes in file order, its seeds and what to record.
 *
 * @param path the key path of the experiment ({@code experiments.task1}, or empty for a
 *     single-experiment file)
 */
record ExperimentConfig(String name, String path, Map<Setting, SettingValue> fixed,
    List<AxisConfig> axes, List<Long> seeds, RecordSpec record) {
  ExperimentConfig {
    fixed = Collections.unmodifiableMap(new EnumMap<>(fixed));
    axes = List.copyOf(axes);
    seeds = List.copyOf(seeds);
  }

  /**
   * Whether every cell has explicit widths (fixed, or an axis none of whose values is empty):
   * they give every hidden layer's width and the depth, so depth and width axes are idle.
   */
  static boolean widthsEverywhere(Map<Setting, SettingValue> fixed, List<AxisConfig> axes) {
    AxisConfig widths = widthsAxis(axes);
    return widths != null
        ? widths.values().stream().noneMatch(v -> ((List<?>) v.value()).isEmpty())
        : !((List<?>) fixed.get(Setting.WIDTHS).value()).isEmpty();
  }

  /** The grid's widths axis, or null. */
  static AxisConfig widthsAxis(List<AxisConfig> axes) {
    return axes.stream().filter(a -> a.setting() == Setting.WIDTHS).findFirst().orElse(null);
  }

  /** Whether a depth or width axis varies where {@link #widthsEverywhere} makes it idle. */
  boolean idleSizeAxis() {
    return widthsEverywhere(fixed, axes) && axes.stream().anyMatch(a -> a.values().size() > 1
        && (a.setting() == Setting.DEPTH || a.setting() == Setting.WIDTH));
  }

  /** The path of a key of this experiment, e.g. {@code experiments.task1.grid}. */
  String child(String key) {
    return YamlNode.child(path, key);
  }
}
