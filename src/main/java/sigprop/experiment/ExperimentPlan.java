package sigprop.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * One experiment of a sweep, expanded: its axes in file order, its seeds (always the innermost
 * axis) and its cells in grid order (first axis outermost).
 */
public record ExperimentPlan(String name, List<Axis> axes, List<Long> seeds,
    List<CellSpec> cells) {
  public ExperimentPlan {
    axes = List.copyOf(axes);
    seeds = List.copyOf(seeds);
    cells = List.copyOf(cells);
  }

  /** The grid's shape, e.g. {@code 3 inits × 10 seeds = 30 cells}. */
  public String shape() {
    List<String> parts = new ArrayList<>();
    for (Axis a : axes) {
      parts.add(a.describe());
    }
    parts.add(Axis.describe("seed", seeds.size()));
    return String.join(" × ", parts) + " = " + cells.size()
        + (cells.size() == 1 ? " cell" : " cells");
  }

  /** Floating-point work of all cells. */
  public double flops() {
    return cells.stream().mapToDouble(CellSpec::flops).sum();
  }

  /** The largest memory estimate of one cell in G1 regions of this size (0 without cells). */
  public long maxMemoryBytes(long regionBytes) {
    return cells.stream().mapToLong(c -> c.memoryBytes(regionBytes)).max().orElse(0);
  }
}
