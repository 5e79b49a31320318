package sigprop.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated, expanded sweep: its experiments in file order, each with its cells in grid order,
 * plus the config as written, the overrides applied, its canonical form and that form's SHA-256
 * (the config hash the output tables carry).
 */
public record SweepPlan(String sweep, String source, String configText, List<String> overrides,
    String canonicalConfig, String configHash, List<ExperimentPlan> experiments) {
  public SweepPlan {
    overrides = List.copyOf(overrides);
    experiments = List.copyOf(experiments);
  }

  /** Every cell: experiments in file order, axes in file order, seeds innermost. */
  public List<CellSpec> cells() {
    List<CellSpec> cells = new ArrayList<>();
    for (ExperimentPlan e : experiments) {
      cells.addAll(e.cells());
    }
    return cells;
  }

  /** The number of cells. */
  public int cellCount() {
    return experiments.stream().mapToInt(e -> e.cells().size()).sum();
  }

  /** The experiment of the given name. */
  public ExperimentPlan experiment(String name) {
    for (ExperimentPlan e : experiments) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no experiment '" + name + "' in sweep " + sweep);
  }
}
