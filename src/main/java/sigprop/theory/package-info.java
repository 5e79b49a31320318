/**
 * Theory predictions placed beside the measured per-layer curves of a deep fully-connected net at
 * initialization: the linear regime of Glorot and Bengio (2010), the mean-field length map, χ₁ and
 * depth scales of Poole et al. (2016) and Schoenholz et al. (2017), the batch-norm gradient growth
 * of Yang et al. (2019), layer norm in the large-width limit, and saturation fractions.
 *
 * <p>Entry point: {@link sigprop.theory.Theory#predict(TheoryInput)}; the CLI verb is
 * {@link sigprop.theory.TheoryCommand}. Conventions (layer l = 1..L, z^l = y^{l−1}·W^l + b^l):
 * <ul>
 *   <li>{@code q} is the variance of the value fed to φ (Poole et al.'s q^l); without a norm, or
 *       with the norm after φ, it equals the pre-activation variance Var[z^l]; with a norm before
 *       φ it is 1 (batch norm) or Var[z^l]/(Var[z^l] + ε) (layer norm).
 *   <li>σ_w² = fan_in·E[w²] of the layer's init ({@link sigprop.net.InitSpec#meanSquare}),
 *       σ_b² = Var[b]. The input x has zero mean and variance q0, so q¹ = σ_w²·q0 + σ_b².
 *   <li>Output-gradient variances are of ∂L/∂y^l, relative to the top hidden layer L (= 1).
 * </ul>
 * Imports only the JDK, commons-math3, {@code sigprop.net}, {@code sigprop.args} (its verb's
 * command line) and {@code sigprop.report}'s atomic files.
 */
package sigprop.theory;
