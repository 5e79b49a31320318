package sigprop.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups cells into tasks, most expensive first: a cell whose work reaches the target task size
 * runs alone, cheaper cells share a task until their sum reaches it, so Spark's per-task overhead
 * stays small while the tail of the schedule holds only small tasks.
 */
public final class TaskPlan {
  /** Tasks at least this big (≈ 0.2 s here) keep Spark's ≈ 0.1 s per task small. */
  public static final double MIN_TASK_WORK = 2e9;

  private TaskPlan() {}

  /**
   * Tasks for {@code slots} parallel executor cores: each at most about total / (8·slots) unless
   * one cell alone is larger, and at least {@link #MIN_TASK_WORK}; ordered by work, largest first.
   */
  public static List<List<CellSpec>> tasks(List<CellSpec> cells, int slots) {
    return tasks(cells, slots, Double.NaN);
  }

  /** As {@link #tasks(List, int)} with a fixed target work per task (NaN = automatic). */
  public static List<List<CellSpec>> tasks(List<CellSpec> cells, int slots, double taskWork) {
    List<CellSpec> sorted = new ArrayList<>(cells);
    sorted.sort(Comparator.comparingDouble(CostModel::work).reversed()
        .thenComparing(CellSpec::id));
    double total = 0;
    for (CellSpec c : sorted) {
      total += CostModel.work(c);
    }
    double target = Double.isNaN(taskWork)
        ? Math.max(MIN_TASK_WORK, total / (8.0 * Math.max(1, slots))) : taskWork;
    List<List<CellSpec>> tasks = new ArrayList<>();
    List<CellSpec> current = new ArrayList<>();
    double currentWork = 0;
    for (CellSpec c : sorted) {
      current.add(c);
      currentWork += CostModel.work(c);
      if (currentWork >= target) {
        tasks.add(current);
        current = new ArrayList<>();
        currentWork = 0;
      }
    }
    if (!current.isEmpty()) {
      tasks.add(current);
    }
    return tasks;
  }

  /**
   * Deals the tasks (largest first) round-robin into {@code waves} groups, so each wave is a
   * balanced mix of large and small tasks and ends with small ones.
   */
  public static List<List<List<CellSpec>>> waves(List<List<CellSpec>> tasks, int waves) {
    int n = Math.max(1, Math.min(waves, tasks.size()));
    List<List<List<CellSpec>>> result = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      result.add(new ArrayList<>());
    }
    for (int i = 0; i < tasks.size(); i++) {
      result.get(i % n).add(tasks.get(i));
    }
    return result;
  }
}
