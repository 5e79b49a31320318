package sigprop.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sigprop.experiment.CellSpec;
import sigprop.experiment.SweepPlan;

/**
 * Whether --resume may write a deleted {@code sweep.json} again from the config it is given. Only
 * when the data prove what the file said: every committed cell row carries this config's hash,
 * this build's code version and table layout, and is a cell of this config; and the theory
 * table holds only this config's configurations. Otherwise the resumed sweep could mix the
 * cells of two configs or builds, so it is refused.
 */
final class ManifestRebuild {
  private ManifestRebuild() {}

  /** Why the manifest cannot be written again for {@code plan}, or null when it can. */
  static String refusal(SparkSession spark, SweepOutput output, SweepPlan plan)
      throws IOException {
    List<Integer> committed = output.committedWaves();
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> configs = new HashSet<>();
    for (CellSpec c : plan.cells()) {
      ids.add(c.id());
      configs.add(c.configId());
    }
    long cells = 0;
    try {
      if (!committed.isEmpty()) {
        // A damaged file reads as no rows: its wave is run again, not trusted.
        Dataset<Row> rows = ResumeRepair.readable(spark, output.cells(), CellTable.SCHEMA)
            .where(col("wave").isin(committed.toArray()))
            .select("cell_id", "config_hash", "code_version", "schema_version");
        long otherHash = 0;
        long otherBuild = 0;
        long otherLayout = 0;
        long foreign = 0;
        String someHash = null;
        String someBuild = null;
        for (Row r : rows.collectAsList()) {
          cells++;
          if (!plan.configHash().equals(r.getString(1))) {
            otherHash++;
            someHash = r.getString(1);
          }
          if (!CodeVersion.get().equals(r.getString(2))) {
            otherBuild++;
            someBuild = r.getString(2);
          }
          otherLayout += r.isNullAt(3) || r.getInt(3) != CellTable.SCHEMA_VERSION ? 1 : 0;
          foreign += ids.contains(r.getString(0)) ? 0 : 1;
        }
        if (otherHash > 0) {
          problems.add(otherHash + " of its " + cells + " committed cells have config hash "
              + SweepJob.shortHash(String.valueOf(someHash)) + ", not this config's "
              + SweepJob.shortHash(plan.configHash()) + ", so the config or --set changed");
        }
        if (otherBuild > 0) {
          problems.add(otherBuild + " of its " + cells + " committed cells were computed by"
              + " build " + someBuild + ", and this is build " + CodeVersion.get());
        }
        if (otherLayout > 0) {
          problems.add(otherLayout + " of its " + cells + " committed cells have another table"
              + " layout than this build's " + CellTable.SCHEMA_VERSION);
        }
        if (foreign > 0 && otherHash == 0) {
          problems.add(foreign + " of its committed cells are not cells of this config");
        }
      }
      if (cells == 0) {
        problems.add("it holds no committed cell to tell which config and build wrote it");
      }
      if (output.committed(output.theory())) {
        long otherConfigs = 0;
        for (Row r : CheckedPages.reader(spark).option("ignoreCorruptFiles", "true")
            .schema(TheoryTableRows.SCHEMA).parquet(output.theory().toString())
            .select("config_id").distinct().collectAsList()) {
          otherConfigs += configs.contains(r.getString(0)) ? 0 : 1;
        }
        if (otherConfigs > 0) {
          problems.add("its theory table holds " + otherConfigs + " configurations this config"
              + " does not have");
        }
      }
    } catch (RuntimeException e) { // Spark's read failure: a table of another shape
      problems.add("its tables cannot be read as this build's: " + OneLineFailure.rootCause(e));
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }
}
