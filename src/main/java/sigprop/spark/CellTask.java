package sigprop.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
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
 * rows. What its own code throws is marked ({@link TaskFailure}), so that the driver says
 * that a task failed, not the write that consumed its rows.
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
  private final Fault fault;

  /** Test-only faults, set by the session's {@code spark.sigprop.test.*} options. */
  enum Fault {
    NONE, FIRST_ATTEMPTS, EVERY_ATTEMPT;

    /** The fault the session's conf asks for. */
    static Fault of(RuntimeConfig conf) {
      return conf.get("spark.sigprop.test.failEveryAttempt", "false").equals("true")
          ? EVERY_ATTEMPT
          : conf.get("spark.sigprop.test.failFirstAttempts", "false").equals("true")
          ? FIRST_ATTEMPTS : NONE;
    }
  }

  CellTask(String configText, String source, List<String> overrides, String configHash,
      String codeVersion, LongAccumulator cellsDone, DoubleAccumulator workDone,
      CollectionAccumulator<Row> cellRows, Fault fault) {
    this.configText = configText;
    this.source = source;
    this.overrides = List.copyOf(overrides);
    this.configHash = configHash;
    this.codeVersion = codeVersion;
    this.cellsDone = cellsDone;
    this.workDone = workDone;
    this.cellRows = cellRows;
    this.fault = fault;
  }

  /** This task with another accumulator for the cell rows (one per wave). */
  CellTask collectingInto(CollectionAccumulator<Row> rows) {
    return new CellTask(configText, source, overrides, configHash, codeVersion, cellsDone,
        workDone, rows, fault);
  }

  @Override
  public Iterator<InternalRow> call(Iterator<int[]> tasks) {
    // Read outside the try: a killed task's TaskKilledException, thrown from Spark's
    // iterator, must reach Spark as it is.
    List<int[]> indices = new ArrayList<>();
    tasks.forEachRemaining(indices::add);
    try {
      KernelReport.requireAndLogOnce();
      CompilerFocus.once();
      List<CellSpec> cells = PlanCache.cells(configText, source, overrides);
      List<CellSpec> mine = new ArrayList<>();
      for (int[] task : indices) {
        for (int i : task) {
          mine.add(cells.get(i));
        }
      }
      return new LayerRows(mine);
    } catch (RuntimeException | LinkageError e) { // a JVM that cannot run the kernels, say
      throw new TaskFailure("before its first cell", e);
    }
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

  /**
   * Test-only: the first attempt of every even-numbered task fails after its first cell
   * ({@link Fault#FIRST_ATTEMPTS}), or every attempt of it ({@link Fault#EVERY_ATTEMPT}).
   */
  private void injectFault(int cellInTask) {
    TaskContext tc = TaskContext.get();
    if (fault != Fault.NONE && cellInTask == 0 && tc != null && tc.partitionId() % 2 == 0) {
      if (fault == Fault.EVERY_ATTEMPT) {
        throw new IllegalStateException("injected fault (spark.sigprop.test.failEveryAttempt)");
      }
      if (tc.attemptNumber() == 0) {
        throw new IllegalStateException("injected fault (spark.sigprop.test.failFirstAttempts)");
      }
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
        CellSpec cell = cells.get(next);
        try {
          current = run(cell, next).iterator();
        } catch (RuntimeException | LinkageError e) {
          // Not the virtual machine's errors (out of memory): Spark's executor handles those.
          throw new TaskFailure("in cell " + cell.id(), e);
        }
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
