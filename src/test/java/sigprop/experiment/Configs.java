package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Helpers for tests: load inline YAML, or expect it to fail. */
final class Configs {
  private Configs() {}

  /** The plan of a valid inline config, with no memory check. */
  static SweepPlan plan(String yaml, String... overrides) {
    try {
      return ConfigLoader.parse(yaml, "test.yaml", List.of(overrides), 0);
    } catch (ConfigException e) {
      throw new AssertionError("expected a valid config, got:\n" + e.getMessage(), e);
    }
  }

  /** The exception of an invalid inline config checked against a heap. */
  static ConfigException failure(String yaml, long heapBytes, String... overrides) {
    return assertThrows(ConfigException.class,
        () -> ConfigLoader.parse(yaml, "test.yaml", List.of(overrides), heapBytes));
  }

  /** The exception of an invalid inline config, with no memory check. */
  static ConfigException failure(String yaml, String... overrides) {
    return failure(yaml, 0, overrides);
  }
}
