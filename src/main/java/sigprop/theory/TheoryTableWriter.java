package sigprop.theory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import sigprop.net.Norm;

/**
 * Renders a {@link TheoryTable} as aligned text with its scalars below, or as one rectangular CSV
 * whose last columns repeat the scalars on every row (a second section would break CSV readers).
 */
public final class TheoryTableWriter {
  private static final List<Column> COLUMNS = List.of(
      new Column("layer", "layer", TheoryRow::layer),
      new Column("width", "width", TheoryRow::width),
      new Column("q", "q", TheoryRow::q),
      new Column("pre_activation_var", "pre_var", TheoryRow::preActivationVariance),
      new Column("output_mean", "out_mean", TheoryRow::outputMean),
      new Column("output_var", "out_var", TheoryRow::outputVariance),
      new Column("chi", "chi", TheoryRow::chi),
      new Column("gradient_factor", "grad_factor", TheoryRow::gradientFactor),
      new Column("output_gradient_var", "grad_var", TheoryRow::outputGradientVariance),
      new Column("log10_output_gradient_var", "log10_grad_var",
          TheoryRow::log10OutputGradientVariance),
      new Column("pre_activation_gradient_var", "pre_grad_var",
          TheoryRow::preActivationGradientVariance),
      new Column("log10_pre_activation_gradient_var", "log10_pre_grad_var",
          TheoryRow::log10PreActivationGradientVariance),
      new Column("saturated_90", "sat90", TheoryRow::saturated90),
      new Column("saturated_99", "sat99", TheoryRow::saturated99),
      new Column("linear_forward_var", "lin_fwd_var", TheoryRow::linearForwardVariance),
      new Column("linear_forward_ratio", "lin_fwd_ratio", TheoryRow::linearForwardRatio),
      new Column("linear_backward_var", "lin_bwd_var", TheoryRow::linearBackwardVariance),
      new Column("linear_backward_ratio", "lin_bwd_ratio", TheoryRow::linearBackwardRatio));
  /** The mean field's scalars: the text's last line, the CSV's last columns. */
  private static final List<Scalar> SCALARS = List.of(
      new Scalar("sigma_w2", "sigma_w^2", FixedPoint::weightVariance),
      new Scalar("sigma_b2", "sigma_b^2", FixedPoint::biasVariance),
      new Scalar("q_star", "q*", FixedPoint::qStar),
      new Scalar("chi1", "chi1", FixedPoint::chi1),
      new Scalar("length_slope", "length slope", FixedPoint::lengthSlope),
      new Scalar("c_star", "c*", FixedPoint::cStar),
      new Scalar("xi_q", "xi_q", FixedPoint::xiQ),
      new Scalar("xi_c", "xi_c", FixedPoint::xiC));

  private TheoryTableWriter() {}

  /** The CSV column names, in order: the per-layer columns, then the scalars. */
  public static List<String> csvHeader() {
    List<String> names = new ArrayList<>();
    COLUMNS.forEach(c -> names.add(c.name));
    SCALARS.forEach(s -> names.add(s.name));
    return names;
  }

  /** The short label of each CSV column the text table has (the scalars have none). */
  static Map<String, String> textLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    COLUMNS.forEach(c -> labels.put(c.name, c.label));
    return labels;
  }

  /**
   * A header row, then one row per layer with the scalars repeated in their columns; doubles
   * via {@link Double#toString(double)}.
   */
  public static String csv(TheoryTable table) {
    List<String> scalars = new ArrayList<>();
    for (Scalar s : SCALARS) {
      scalars.add(csvNumber(s.value.apply(table.fixedPoint())));
    }
    StringBuilder b = new StringBuilder(String.join(",", csvHeader())).append('\n');
    for (TheoryRow row : table.rows()) {
      List<String> cells = new ArrayList<>();
      for (Column c : COLUMNS) {
        cells.add(csvNumber(c.value.apply(row)));
      }
      cells.addAll(scalars);
      b.append(String.join(",", cells)).append('\n');
    }
    return b.toString();
  }

  /** The input, the per-layer table in aligned columns, and the mean-field scalars. */
  public static String text(TheoryTable table) {
    List<String[]> cells = new ArrayList<>();
    String[] labels = new String[COLUMNS.size()];
    for (int j = 0; j < labels.length; j++) {
      labels[j] = COLUMNS.get(j).label;
    }
    cells.add(labels);
    for (TheoryRow row : table.rows()) {
      String[] line = new String[COLUMNS.size()];
      for (int j = 0; j < line.length; j++) {
        Column c = COLUMNS.get(j);
        Number v = c.value.apply(row);
        line[j] = c.name.startsWith("log10_") ? formatLog10(v) : format(v);
      }
      cells.add(line);
    }
    int[] widths = new int[COLUMNS.size()];
    for (String[] line : cells) {
      for (int j = 0; j < line.length; j++) {
        widths[j] = Math.max(widths[j], line[j].length());
      }
    }
    StringBuilder b = new StringBuilder(describe(table.input())).append('\n');
    for (String[] line : cells) {
      for (int j = 0; j < line.length; j++) {
        b.append(j == 0 ? "" : "  ").append(" ".repeat(widths[j] - line[j].length()))
            .append(line[j]);
      }
      b.append('\n');
    }
    List<String> scalars = new ArrayList<>();
    for (Scalar s : SCALARS) {
      scalars.add(s.label + " = " + format(s.value.apply(table.fixedPoint())));
    }
    b.append("mean field of layer L without norm: ").append(String.join(", ", scalars))
        .append('\n');
    return b.toString();
  }

  private static String describe(TheoryInput in) {
    List<Integer> n = in.widths();
    String widths = new HashSet<>(n).size() == 1
        ? "width " + n.get(0) + ", depth " + in.depth()
        : "widths " + n;
    String norm = in.norm() == Norm.NONE ? "no norm"
        : in.norm().key() + " norm " + in.placement().key()
            + (in.norm() == Norm.BATCH ? ", batch " + in.batch() : "");
    return "theory: " + in.activation().describe() + ", init " + in.init() + ", " + widths
        + ", input var " + in.inputVariance() + ", bias var " + in.biasVariance() + ", " + norm;
  }

  /** The summary CSVs' convention: an empty field for NaN, inf and -inf for the infinities. */
  private static String csvNumber(Number v) {
    if (v instanceof Integer) {
      return v.toString();
    }
    double d = v.doubleValue();
    return Double.isNaN(d) ? "" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
        : Double.toString(d);
  }

  private static String format(Number v) {
    if (v instanceof Integer) {
      return v.toString();
    }
    double d = v.doubleValue();
    if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    return String.format(Locale.ROOT, "%.5g", d);
  }

  /**
   * A log10 value to four decimals: its absolute error is what matters, and the quadrature's
   * 1 ± 4e-16 for an exact 1 printed as "1.9287e-16" where the value is 0 (the CSV keeps it).
   */
  private static String formatLog10(Number v) {
    double d = v.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    return String.format(Locale.ROOT, "%.4f", Math.abs(d) < 5e-5 ? 0.0 : d);
  }

  /** One column: its CSV name, its short text label and its value. */
  private record Column(String name, String label, Function<TheoryRow, Number> value) {}

  /** One mean-field scalar: its CSV name, its text label and its value. */
  private record Scalar(String name, String label, Function<FixedPoint, Number> value) {}
}
