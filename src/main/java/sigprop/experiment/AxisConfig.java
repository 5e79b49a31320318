package sigprop.experiment;

import java.util.List;

/** One grid axis as read: the setting it varies, its node and its values in file order. */
record AxisConfig(Setting setting, YamlNode node, List<SettingValue> values) {
  AxisConfig {
    values = List.copyOf(values);
  }
}
