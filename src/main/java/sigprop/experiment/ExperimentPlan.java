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

  /**
   * How many configurations repeat another's numbers under other ids, and why ("2 of 6
   * configurations repeat another's numbers (norm_placement changes nothing where norm is
   * none)"); null when none does.
   */
  public String repeats() {
    return RepeatedConfigurations.note(configurations(), seeds);
  }

  /** Floating-point work of all cells. */
  public double flops() {
    return configurations().stream().mapToDouble(CellSpec::flops).sum() * seeds.size();
  }

  /** The largest floating-point work of one cell (0 without cells). */
  public double maxFlops() {
    return configurations().stream().mapToDouble(CellSpec::flops).max().orElse(0);
  }

  /**
   * The cost model's work of all cells ({@link CostModel#work}: products, elementwise, records).
   */
  public double work() {
    return configurations().stream().mapToDouble(CostModel::work).sum() * seeds.size();
  }

  /** The largest cost-model work of one cell (0 without cells). */
  public double maxWork() {
    return configurations().stream().mapToDouble(CostModel::work).max().orElse(0);
  }

  /** The largest memory estimate of one cell in G1 regions of this size (0 without cells). */
  public long maxMemoryBytes(long regionBytes) {
    return configurations().stream().mapToLong(c -> c.memoryBytes(regionBytes)).max().orElse(0);
  }

  /** The memory estimates of all cells summed, at most Long.MAX_VALUE (not wrapped). */
  public long summedMemoryBytes(long regionBytes) {
    long sum = 0;
    try {
      for (CellSpec c : configurations()) {
        sum = Math.addExact(sum, Math.multiplyExact(c.memoryBytes(regionBytes),
            (long) seeds.size()));
      }
      return sum;
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * One cell of each configuration: work and memory do not depend on the seed, and each
   * configuration's cells are a run of every seed (the innermost axis). Estimating every cell
   * took a 100,000-seed grid of deep networks over a minute.
   */
  private List<CellSpec> configurations() {
    List<CellSpec> out = new ArrayList<>();
    for (int i = 0; i < cells.size(); i += Math.max(1, seeds.size())) {
      out.add(cells.get(i));
    }
    return out;
  }
}
