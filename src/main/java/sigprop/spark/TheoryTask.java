package sigprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import sigprop.experiment.CellSpec;

/**
 * The executor side of the theory table: a task is a list of indices into the plan, one cell per
 * configuration, and yields those configurations' theory rows. Computed where they are written,
 * so a task ships the config text and a few indices, not the rows (a local table of 50
 * configurations at depth 100 made a 1.2 MB task, which Spark warns about on the console), and
 * the predictions run on executors instead of the driver. Rows in Spark's internal form
 * ({@link InternalValues}). What its own code throws is marked ({@link TaskFailure}), so that
 * the driver says that a task failed, not the write that consumed its rows.
 */
final class TheoryTask implements FlatMapFunction<Iterator<Integer>, InternalRow> {
  private static final long serialVersionUID = 1L;

  private final String configText;
  private final String source;
  private final List<String> overrides;
  private final boolean failEveryAttempt;

  TheoryTask(String configText, String source, List<String> overrides,
      boolean failEveryAttempt) {
    this.configText = configText;
    this.source = source;
    this.overrides = List.copyOf(overrides);
    this.failEveryAttempt = failEveryAttempt;
  }

  /** Test-only: whether every attempt is to fail, by the session's {@code spark.sigprop.test.*}. */
  static boolean failsEveryAttempt(RuntimeConfig conf) {
    return conf.get("spark.sigprop.test.failTheoryEveryAttempt", "false").equals("true");
  }

  @Override
  public Iterator<InternalRow> call(Iterator<Integer> indices) {
    // Read outside the try: a killed task's TaskKilledException must reach Spark as it is.
    List<Integer> mine = new ArrayList<>();
    indices.forEachRemaining(mine::add);
    List<CellSpec> cells;
    try {
      cells = PlanCache.cells(configText, source, overrides);
    } catch (RuntimeException | LinkageError e) {
      throw new TaskFailure("before its first configuration", e);
    }
    List<InternalRow> rows = new ArrayList<>();
    for (int i : mine) {
      CellSpec cell = cells.get(i);
      try {
        if (failEveryAttempt) {
          throw new IllegalStateException(
              "injected fault (spark.sigprop.test.failTheoryEveryAttempt)");
        }
        TheoryTableRows.values(cell)
            .forEach(v -> rows.add(new GenericInternalRow(InternalValues.of(v))));
      } catch (RuntimeException | LinkageError e) {
        throw new TaskFailure("for configuration " + cell.configId(), e);
      }
    }
    return rows.iterator();
  }
}
