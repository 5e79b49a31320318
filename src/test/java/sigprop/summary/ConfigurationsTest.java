package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationsTest {
  static final List<String> NAMES = List.of("depth", "widths", "init", "norm");

  static Configuration config(String experiment, String id, Object... parameters) {
    return new Configuration("s", experiment, id, 0, "", 0, Arrays.asList(parameters),
        StatusCounts.NONE);
  }

  @Test
  void ordersNumericallyAndLabelsWhatVaries() {
    List<Configuration> ordered = Configurations.ordered(List.of(
        config("e", "a", 100L, null, "normal(std=1.0)", "none"),
        config("e", "b", 10L, null, "normal(std=1.0)", "none"),
        config("e", "c", 50L, null, "normal(std=1.0)", "batch"),
        config("d", "x", 4L, "[50,30]", "xavier_normal(gain=1.0)", "none")), NAMES);
    assertEquals(List.of("x", "b", "c", "a"), ordered.stream().map(Configuration::configId)
        .toList());
    assertEquals(List.of(0, 1, 2, 3), ordered.stream().map(Configuration::index).toList());
    assertEquals(List.of("init=xavier_normal(gain=1.0) norm=none", "depth=10 norm=none",
        "depth=50 norm=batch", "depth=100 norm=none"),
        ordered.stream().map(Configuration::label).toList());
  }

  @Test
  void anUnsetParameterIsLeftOutOfTheLabel() {
    List<Configuration> ordered = Configurations.ordered(List.of(
        config("e", "a", 2L, null, "normal(std=1.0)", "none"),
        config("e", "b", 8L, "[50,30]", "normal(std=1.0)", "none")), NAMES);
    assertEquals(List.of("depth=2", "depth=8 widths=[50 30]"),
        ordered.stream().map(Configuration::label).toList());
  }

  @Test
  void commasInValuesBecomeSpaces() {
    List<Configuration> ordered = Configurations.ordered(List.of(
        config("e", "a", 4L, "[50,30]", "normal(std=1.0)", "none"),
        config("e", "b", 4L, "[20,20]", "normal(std=1.0)", "none")), NAMES);
    assertEquals("widths=[20 20]", ordered.get(0).label());
  }
}
