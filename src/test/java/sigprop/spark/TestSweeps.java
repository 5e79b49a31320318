package sigprop.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigException;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.SweepPlan;

/**
 * Writes a sweep folder in the sweep job's layout (cells/wave=0, layers/wave=0, theory) straight
 * from {@link CellRunner} on the driver: summarizer test data in about a second, where the sweep
 * job's waves and manifest take ten.
 */
final class TestSweeps {
  private TestSweeps() {}

  /** Runs the config's cells and writes the three tables into {@code folder}. */
  static SweepPlan write(SparkSession spark, String yaml, Path folder) throws ConfigException {
    SweepPlan plan = ConfigLoader.parse(yaml, "test", List.of(), 0);
    List<Row> layers = new ArrayList<>();
    List<Row> cells = new ArrayList<>();
    List<Row> theory = new ArrayList<>();
    Set<String> configs = new HashSet<>();
    for (CellSpec cell : plan.cells()) {
      CellResult result = CellRunner.run(cell);
      layers.addAll(LayerTable.rows(result));
      cells.add(CellTable.row(result, plan.configHash(), "test"));
      if (configs.add(cell.configId())) {
        theory.addAll(TheoryTableRows.rows(cell));
      }
    }
    append(spark, layers, LayerTable.SCHEMA, folder.resolve("layers/wave=0"));
    append(spark, cells, CellTable.SCHEMA, folder.resolve("cells/wave=0"));
    append(spark, theory, TheoryTableRows.SCHEMA, folder.resolve("theory"));
    return plan;
  }

  /** Appends rows as one Parquet file to a folder. */
  static void append(SparkSession spark, List<Row> rows, StructType schema, Path folder) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Append)
        .parquet(folder.toString());
  }
}
