package sigprop.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One configuration of a sweep (every parameter but the seed): its id, its position in the
 * summary ({@code config_index}), a legend label naming what varies within its experiment, its
 * number of hidden layers L, its parameter values (typed: Long, Double, String or null, in the
 * summary's parameter-column order) and how its cells ended.
 */
public record Configuration(String sweep, String experiment, String configId, int index,
    String label, int depth, List<Object> parameters, StatusCounts counts) {

  /** Checks the identity is given. */
  public Configuration {
    Objects.requireNonNull(sweep, "sweep");
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(configId, "configId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(counts, "counts");
    // List.copyOf refuses nulls, and a parameter a cell lacks is null.
    parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
  }

  /** The same configuration at another index with another label. */
  public Configuration with(int newIndex, String newLabel) {
    return new Configuration(sweep, experiment, configId, newIndex, newLabel, depth, parameters,
        counts);
  }
}
