package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellSpec;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.NetworkSpec;
import sigprop.theory.FixedPoint;
import sigprop.theory.Theory;
import sigprop.theory.TheoryInput;
import sigprop.theory.TheoryRow;
import sigprop.theory.TheoryTable;

/**
 * The {@code theory} table: the predictions for every hidden layer of every configuration,
 * computed on the driver from the plan (they need no seed). Gradient variances are relative to
 * the top hidden layer L (= 1 there); the summarizer anchors them to the measured value at L.
 */
public final class TheoryTableRows {
  /** The schema, in column order. */
  public static final StructType SCHEMA = schema();

  private TheoryTableRows() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("experiment", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("config_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("layer", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("width", DataTypes.IntegerType, false));
    for (String name : List.of("q", "pre_activation_var", "output_mean", "output_var", "chi",
        "gradient_factor", "output_gradient_var_rel", "log10_output_gradient_var_rel",
        "pre_activation_gradient_var_rel", "log10_pre_activation_gradient_var_rel", "sat90",
        "sat99", "linear_forward_var", "linear_forward_ratio", "linear_backward_var_rel",
        "linear_backward_ratio", "q_star", "chi1", "xi_q", "xi_c")) {
      f.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
    }
    return DataTypes.createStructType(f);
  }

  /** The theory's input for a cell's configuration. */
  public static TheoryInput input(CellSpec cell) {
    NetworkSpec net = cell.network();
    List<Integer> widths = new ArrayList<>();
    widths.add(net.inputWidth());
    widths.addAll(net.hiddenWidths());
    double biasVariance = net.biasInit().meanSquare(1, net.width(1));
    return new TheoryInput(net.activation(), net.weightInit(), biasVariance, widths,
        cell.input().variance(), net.norm(), net.placement(), cell.input().batch(),
        net.normEps());
  }

  /**
   * The rows for a cell's configuration; empty when the theory does not cover it (batch norm
   * with a batch below 4, or below 8 after the activation, or with ε not small against the
   * variance it divides by; a constant non-zero bias; identity or constant weights).
   */
  public static List<Row> rows(CellSpec cell) {
    List<Row> rows = new ArrayList<>();
    values(cell).forEach(v -> rows.add(RowFactory.create(v)));
    return rows;
  }

  /** The same rows' values in column order, as plain Java values. */
  static List<Object[]> values(CellSpec cell) {
    InitSpec bias = cell.network().biasInit();
    if (bias.scheme() == InitScheme.CONSTANT && bias.number("value") != 0) {
      // The theory's bias is random with mean 0 (σ_b² its variance); a constant one shifts z's
      // mean, which it does not model: no prediction rather than a wrong one.
      return List.of();
    }
    TheoryTable table;
    try {
      table = Theory.predict(input(cell));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    FixedPoint fp = table.fixedPoint();
    List<Object[]> rows = new ArrayList<>();
    for (TheoryRow r : table.rows()) {
      rows.add(new Object[] {cell.sweep(), cell.experiment(), cell.configId(), r.layer(),
          r.width(), r.q(), r.preActivationVariance(), r.outputMean(), r.outputVariance(),
          r.chi(), r.gradientFactor(), r.outputGradientVariance(),
          r.log10OutputGradientVariance(), r.preActivationGradientVariance(),
          r.log10PreActivationGradientVariance(), r.saturated90(), r.saturated99(),
          r.linearForwardVariance(), r.linearForwardRatio(), r.linearBackwardVariance(),
          r.linearBackwardRatio(), fp.qStar(), fp.chi1(), fp.xiQ(), fp.xiC()});
    }
    return rows;
  }
}
