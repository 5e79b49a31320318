package sigprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.LongAccumulator;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;

/**
 * The executor side of a sweep: a task is a list of cell indices into the plan; each cell runs
 * single-threaded through the pure-Java core and becomes rows. Nothing depends on partition,
 * attempt or executor, so a retried or speculative task produces the same rows.
 */
final class CellTask implements FlatMapFunction<Iterator<int[]>, CellOutput> {
  private static final long serialVersionUID = 1L;

  private final String configText;
  private final String source;
  private final List<String> overrides;
  private final String configHash;
  private final String codeVersion;
  private final LongAccumulator cellsDone;
  private final boolean failFirstAttempts;

  CellTask(String configText, String source, List<String> overrides, String configHash,
      String codeVersion, LongAccumulator cellsDone, boolean failFirstAttempts) {
    this.configText = configText;
    this.source = source;
    this.overrides = List.copyOf(overrides);
    this.configHash = configHash;
    this.codeVersion = codeVersion;
    this.cellsDone = cellsDone;
    this.failFirstAttempts = failFirstAttempts;
  }

  @Override
  public Iterator<CellOutput> call(Iterator<int[]> tasks) {
    KernelReport.once();
    List<CellSpec> cells = PlanCache.cells(configText, source, overrides);
    List<CellOutput> out = new ArrayList<>();
    while (tasks.hasNext()) {
      int[] indices = tasks.next();
      for (int i = 0; i < indices.length; i++) {
        CellResult result = CellRunner.run(cells.get(indices[i]));
        out.add(new CellOutput(CellTable.row(result, configHash, codeVersion),
            LayerTable.rows(result)));
        cellsDone.add(1);
        injectFault(i);
      }
    }
    return out.iterator();
  }

  /** Test-only: the first attempt of every even-numbered task fails after its first cell. */
  private void injectFault(int cellInTask) {
    TaskContext tc = TaskContext.get();
    if (failFirstAttempts && cellInTask == 0 && tc != null && tc.attemptNumber() == 0
        && tc.partitionId() % 2 == 0) {
      throw new IllegalStateException("injected fault (spark.sigprop.test.failFirstAttempts)");
    }
  }
}
