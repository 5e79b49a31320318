package sigprop.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Descriptions of the sweep's cells and theory columns, as copied into the summary. */
public final class SourceDescriptions {
  private SourceDescriptions() {}

  /** The cells table's columns (the sweep's cells table plus its wave). */
  public static Map<String, String> cells(List<String> parameterNames) {
    Map<String, String> d = new HashMap<>();
    d.put("cell_id", "the cell's id: a hash of the experiment, every parameter and the seed");
    d.put("seed", "the cell's seed");
    for (String p : parameterNames) {
      d.put(p, ParameterDescriptions.of(p));
    }
    d.put("status", "ok; diverged (non-finite values appeared); failed (an exception)");
    d.put("message", "why a cell diverged or failed, on one line (line breaks and tabs read"
        + " ' | '; the cells table keeps them); empty string when ok");
    d.put("initial_loss", "the loss at the first recorded step (empty if not reached)");
    d.put("final_loss", "the loss at the last recorded step the cell reached (empty if none)");
    d.put("records", "layer rows the cell recorded");
    d.put("wall_seconds", "the cell's run time in seconds");
    d.put("estimated_flops", "the cost model's floating-point work of the cell");
    d.put("config_hash", "SHA-256 of the sweep's canonical config");
    d.put("code_version", "the sigprop build that ran the cell: release + digest of its code");
    d.put("schema_version", "the version of the sweep's table layout");
    d.put("wave", "the sweep wave that wrote the cell; a cell rerun in a later wave is listed"
        + " (and summarized) once, from its last wave");
    return d;
  }

  /** The theory table's columns. */
  public static Map<String, String> theory() {
    Map<String, String> d = new HashMap<>();
    d.put("layer", "the hidden layer l (1..L)");
    d.put("width", "its width n_l");
    d.put("q", "the variance fed to the activation: Var[z] without a norm (or with the norm"
        + " after it); with the norm before it 1 for batch norm, Var[z]/(Var[z] + ε) for layer"
        + " norm");
    d.put("pre_activation_var", "predicted Var[z^l], z = y·W + b (site pre_activation)");
    d.put("output_mean", "predicted E[y^l] (site output)");
    d.put("output_var", "predicted Var[y^l] (site output)");
    d.put("chi", "χ_l, the backward variance factor of the layer");
    d.put("gradient_factor", "Var[∂L/∂y^(l−1)]/Var[∂L/∂y^l] = χ_l·n_l/n_(l−1)");
    d.put("output_gradient_var_rel", "predicted Var[∂L/∂y^l] relative to layer L (= 1 there)");
    d.put("log10_output_gradient_var_rel", "its log10, finite beyond double range; layers.csv"
        + " adds the measured log10 variance at L to it");
    d.put("pre_activation_gradient_var_rel", "predicted Var[∂L/∂z^l] (z before any norm; site"
        + " pre_activation_gradient) relative to layer L (= 1 there): Var[∂L/∂y^l]·χ_l/σ_w²,"
        + " E[φ′²]·Var[∂L/∂y^l] without a norm");
    d.put("log10_pre_activation_gradient_var_rel", "its log10, finite beyond double range;"
        + " layers.csv adds the measured log10 variance of ∂L/∂z at L to it");
    d.put("sat90", "predicted P(|φ(z) − c| > 0.9·h), z ~ N(0, q), c and h the centre and"
        + " half-width of φ's range; 0 for unbounded φ");
    d.put("sat99", "predicted P(|φ(z) − c| > 0.99·h), as sat90");
    d.put("linear_forward_var", "linear-regime Var[z^l] (Glorot & Bengio 2010); NaN with a norm");
    d.put("linear_forward_ratio", "n_(l−1)·Var[W^l]");
    d.put("linear_backward_var_rel", "linear-regime Var[∂L/∂y^l] relative to layer L; NaN with a"
        + " norm");
    d.put("linear_backward_ratio", "n_l·Var[W^l]");
    d.put("q_star", "the fixed point q* of the mean-field length map");
    d.put("chi1", "χ₁ at q*: < 1 ordered, > 1 chaotic, 1 critical");
    d.put("xi_q", "depth scale of the length map, −1/ln(slope); negative where the slope"
        + " exceeds 1 (the depth over which a deviation from q* grows e-fold)");
    d.put("xi_c", "depth scale of correlations, −1/ln χ_c(c*) at the correlation map's stable"
        + " fixed point c* (c* = 1 and χ_c = χ₁ in the ordered phase): ∞ at criticality, finite"
        + " on both sides; negative (−1/ln χ₁, a growth length) only where q* is 0 or ∞");
    return d;
  }
}
