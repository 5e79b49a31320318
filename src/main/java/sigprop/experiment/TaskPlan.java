package sigprop.experiment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits cells into waves (committed batches) of about equal work, and each wave into Spark tasks
 * whose sizes shrink as the wave's work runs out (guided self-scheduling): every task takes
 * 1/(2·slots) of the work its wave has left, so the first tasks are large (few tasks, little
 * per-task overhead) and the last ones small, and the slots finish a wave within about one small
 * task of each other instead of one idling while another runs a full-size task.
 */
public final class TaskPlan {
  /** Tasks at least this big (≈ 0.2 s here) keep Spark's ≈ 0.1 s per task small. */
  public static final double MIN_TASK_WORK = 2e9;

  /** Each task takes this share of a slot's remaining work: 1/2 (Hummel's factoring). */
  private static final double SHARE = 0.5;

  private TaskPlan() {}

  /**
   * The waves of {@code cells} for {@code slots} parallel executor cores: {@code waves} groups of
   * about equal work (at most one per cell), each a list of tasks, largest first, each a list of
   * cells. {@code taskWork} fixes the work per task instead (NaN = guided sizes); a cell larger
   * than the task size is a task of its own.
   */
  public static List<List<List<CellSpec>>> waves(List<CellSpec> cells, int slots, int waves,
      double taskWork) {
    if (slots < 1 || waves < 1) {
      throw new IllegalArgumentException("slots and waves must be ≥ 1, got " + slots + " and "
          + waves);
    }
    List<List<List<CellSpec>>> result = new ArrayList<>();
    for (List<CellSpec> wave : split(sortedByWork(cells), waves)) {
      result.add(tasks(wave, slots, taskWork));
    }
    return result;
  }

  /** Cells by work, largest first; ties by id so the plan never depends on input order. */
  private static List<CellSpec> sortedByWork(List<CellSpec> cells) {
    List<CellSpec> sorted = new ArrayList<>(cells);
    sorted.sort(Comparator.comparingDouble(CostModel::work).reversed()
        .thenComparing(CellSpec::id));
    return sorted;
  }

  /**
   * Deals cells (largest first) to the wave with the least work so far, so every wave gets a
   * balanced mix of large and small cells; empty waves are dropped.
   */
  private static List<List<CellSpec>> split(List<CellSpec> sorted, int waves) {
    int n = Math.max(1, Math.min(waves, sorted.size()));
    List<List<CellSpec>> groups = new ArrayList<>();
    double[] work = new double[n];
    for (int i = 0; i < n; i++) {
      groups.add(new ArrayList<>());
    }
    for (CellSpec c : sorted) {
      int lightest = 0;
      for (int i = 1; i < n; i++) {
        if (work[i] < work[lightest]) {
          lightest = i;
        }
      }
      groups.get(lightest).add(c);
      work[lightest] += CostModel.work(c);
    }
    groups.removeIf(List::isEmpty);
    return groups;
  }

  /** One wave's tasks from its cells (largest first), each task closed once it reaches its size. */
  private static List<List<CellSpec>> tasks(List<CellSpec> sorted, int slots, double taskWork) {
    double remaining = 0;
    for (CellSpec c : sorted) {
      remaining += CostModel.work(c);
    }
    List<List<CellSpec>> tasks = new ArrayList<>();
    List<CellSpec> current = new ArrayList<>();
    double currentWork = 0;
    double target = targetWork(remaining, slots, taskWork);
    for (CellSpec c : sorted) {
      current.add(c);
      currentWork += CostModel.work(c);
      if (currentWork >= target) {
        tasks.add(current);
        remaining -= currentWork;
        current = new ArrayList<>();
        currentWork = 0;
        target = targetWork(remaining, slots, taskWork);
      }
    }
    if (!current.isEmpty()) {
      tasks.add(current);
    }
    tasks.sort(Comparator.comparingDouble(TaskPlan::work).reversed());
    return tasks;
  }

  private static double targetWork(double remaining, int slots, double taskWork) {
    return Double.isNaN(taskWork) ? Math.max(MIN_TASK_WORK, SHARE * remaining / slots) : taskWork;
  }

  /** The estimated work of a task. */
  public static double work(List<CellSpec> task) {
    double sum = 0;
    for (CellSpec c : task) {
      sum += CostModel.work(c);
    }
    return sum;
  }
}
