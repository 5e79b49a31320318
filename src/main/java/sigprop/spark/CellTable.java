package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CostModel;

/** The {@code cells} table: one row per cell with its parameters, status and run facts. */
public final class CellTable {
  /**
   * Bumped whenever a column of either table changes meaning or type. 2: the layers table's
   * {@code saturation_bound} became {@code saturation_low} and {@code saturation_high},
   * sigmoid's saturation counts values near 0 too, and its output bins span (0, 1). 3: the ids
   * begin with a letter ({@code cell_id} 'c', {@code config_id} 'g'); the site
   * {@code pre_activation_gradient} and its theory columns are new.
   */
  public static final int SCHEMA_VERSION = 3;

  /** The schema, in column order. */
  public static final StructType SCHEMA = schema();

  private CellTable() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.addAll(ParameterColumns.identityFields());
    f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("message", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("initial_loss", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("final_loss", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("records", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("wall_seconds", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("estimated_flops", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("config_hash", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("code_version", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("schema_version", DataTypes.IntegerType, false));
    return DataTypes.createStructType(f);
  }

  /** The row of one cell. */
  public static Row row(CellResult result, String configHash, String codeVersion) {
    CellSpec cell = result.cell();
    List<Object> v = new ArrayList<>(SCHEMA.size());
    ParameterColumns.appendIdentity(cell, v);
    v.add(result.status().key());
    v.add(result.message());
    List<Double> losses = result.losses();
    v.add(losses.isEmpty() ? Double.NaN : losses.get(0));
    v.add(losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1));
    v.add(result.records().size());
    v.add(result.wallSeconds());
    v.add(CostModel.work(cell));
    v.add(configHash);
    v.add(codeVersion);
    v.add(SCHEMA_VERSION);
    return RowFactory.create(v.toArray());
  }
}
