package sigprop.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CostModel;

/**
 * The executor side of a sweep: a task is a list of cell indices into the plan; each cell runs
 * single-threaded through the pure-Java core. The task yields the cells' layers rows one cell at
 * a time, as the Parquet writer consumes them, and hands each cell's row to the driver through an
 * accumulator (Spark applies a task's updates once, and only when the attempt succeeds). Nothing
 * depends on partition, attempt or executor, so a retried or speculative task produces the same
 * rows.
 */
final class CellTask implements FlatMapFunction<Iterator<int[]>, InternalRow> {
  private static final long serialVersionUID = 2L;

  private final String configText;
  private final String source;
  private final List<String> overrides;
  private final String configHash;
  private final String codeVersion;
  private final LongAccumulator cellsDone;
  private final DoubleAccumulator workDone;
  private final CollectionAccumulator<Row> cellRows;
  private final boolean failFirstAttempts;

  CellTask(String configText, String source, List<String> overrides, String configHash,
      String codeVersion, LongAccumulator cellsDone, DoubleAccumulator workDone,
      CollectionAccumulator<Row> cellRows, boolean failFirstAttempts) {
    this.configText = configText;
    this.source = source;
    this.overrides = List.copyOf(overrides);
    this.configHash = configHash;
    this.codeVersion = codeVersion;
    this.cellsDone = cellsDone;
    this.workDone = workDone;
    this.cellRows = cellRows;
    this.failFirstAttempts = failFirstAttempts;
  }

  /** This task with another accumulator for the cell rows (one per wave). */
  CellTask collectingInto(CollectionAccumulator<Row> rows) {
    return new CellTask(configText, source, overrides, configHash, codeVersion, cellsDone,
        workDone, rows, failFirstAttempts);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<int[]> tasks) {
    KernelReport.requireAndLogOnce();
    CompilerFocus.once();
    List<CellSpec> cells = PlanCache.cells(configText, source, overrides);
    List<CellSpec> mine = new ArrayList<>();
    tasks.forEachRemaining(indices -> {
      for (int i : indices) {
        mine.add(cells.get(i));
      }
    });
    return new LayerRows(mine);
  }

  /** Runs one cell, hands its cells-table row over, and returns its layers rows. */
  private List<InternalRow> run(CellSpec cell, int cellInTask) {
    CellResult result = CellRunner.run(cell);
    cellRows.add(CellTable.row(result, configHash, codeVersion));
    cellsDone.add(1);
    workDone.add(CostModel.work(cell));
    injectFault(cellInTask);
    return LayerInternalRows.of(result);
  }

  /** Test-only: the first attempt of every even-numbered task fails after its first cell. */
  private void injectFault(int cellInTask) {
    TaskContext tc = TaskContext.get();
    if (failFirstAttempts && cellInTask == 0 && tc != null && tc.attemptNumber() == 0
        && tc.partitionId() % 2 == 0) {
      throw new IllegalStateException("injected fault (spark.sigprop.test.failFirstAttempts)");
    }
  }

  /**
   * The layers rows of a task's cells, running the next cell only when the previous one's rows
   * are used up: one cell's rows in memory at a time, and no copy of them kept for later.
   */
  private final class LayerRows implements Iterator<InternalRow> {
    private final List<CellSpec> cells;
    private int next;
    private Iterator<InternalRow> current = Collections.emptyIterator();

    LayerRows(List<CellSpec> cells) {
      this.cells = cells;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && next < cells.size()) {
        current = run(cells.get(next), next).iterator();
        next++;
      }
      return current.hasNext();
    }

    @Override
    public InternalRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
