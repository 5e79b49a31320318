package sigprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import sigprop.experiment.CellSpec;

/**
 * The executor side of the theory table: a task is a list of indices into the plan, one cell per
 * configuration, and yields those configurations' theory rows. Computed where they are written,
 * so a task ships the config text and a few indices, not the rows (a local table of 50
 * configurations at depth 100 made a 1.2 MB task, which Spark warns about on the console), and
 * the predictions run on executors instead of the driver. Rows in Spark's internal form
 * ({@link InternalValues}).
 */
final class TheoryTask implements FlatMapFunction<Iterator<Integer>, InternalRow> {
  private static final long serialVersionUID = 1L;

  private final String configText;
  private final String source;
  private final List<String> overrides;

  TheoryTask(String configText, String source, List<String> overrides) {
    this.configText = configText;
    this.source = source;
    this.overrides = List.copyOf(overrides);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<Integer> indices) {
    List<CellSpec> cells = PlanCache.cells(configText, source, overrides);
    List<InternalRow> rows = new ArrayList<>();
    indices.forEachRemaining(i -> TheoryTableRows.values(cells.get(i))
        .forEach(v -> rows.add(new GenericInternalRow(InternalValues.of(v)))));
    return rows.iterator();
  }
}
