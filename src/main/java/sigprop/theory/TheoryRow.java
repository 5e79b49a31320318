package sigprop.theory;

/**
 * The predictions for hidden layer l (1..L).
 *
 * @param layer l
 * @param width n_l
 * @param q the variance of the value fed to φ (with a norm before φ: 1 for batch norm,
 *     Var[z^l]/(Var[z^l] + ε) for layer norm; else Var[z^l])
 * @param preActivationVariance Var[z^l], z^l = y^{l−1}·W^l + b^l before any norm (pooled over
 *     units and batch)
 * @param outputMean E[y^l]
 * @param outputVariance Var[y^l] (1 with a norm after φ)
 * @param chi χ_l: Var[∂L/∂y^{l−1}]/Var[∂L/∂y^l] for equal widths; without a norm the mean-field
 *     χ₁ = σ_w² E[φ′(√q^l z)²] evaluated at this layer's q^l
 * @param gradientFactor Var[∂L/∂y^{l−1}]/Var[∂L/∂y^l] = χ_l·n_l/n_{l−1}
 * @param outputGradientVariance Var[∂L/∂y^l] relative to layer L (= 1)
 * @param log10OutputGradientVariance its log10, finite where the value under- or overflows
 * @param preActivationGradientVariance Var[∂L/∂z^l] relative to Var[∂L/∂z^L] (= 1 at L), z the
 *     dense layer's output before any norm: Var[∂L/∂z^l]/Var[∂L/∂y^l] = χ_l/σ_w², which is
 *     E[φ′(√q^l z)²] without a norm (NaN with a norm and σ_w² = 0)
 * @param log10PreActivationGradientVariance its log10, finite where the value under- or overflows
 * @param saturated90 P(|φ(ẑ) − c| > 0.9·h), ẑ ~ N(0, q), c and h the centre and half-width of
 *     φ's range ({@link Saturation})
 * @param saturated99 P(|φ(ẑ) − c| > 0.99·h)
 * @param linearForwardVariance Var[z^l] of the linear regime (NaN with a norm)
 * @param linearForwardRatio n_{l−1}Var[W^l]
 * @param linearBackwardVariance Var[∂L/∂y^l] of the linear regime, relative to layer L (NaN
 *     with a norm)
 * @param linearBackwardRatio n_l Var[W^l]
 */
public record TheoryRow(
    int layer, int width, double q, double preActivationVariance, double outputMean,
    double outputVariance, double chi, double gradientFactor, double outputGradientVariance,
    double log10OutputGradientVariance, double preActivationGradientVariance,
    double log10PreActivationGradientVariance, double saturated90, double saturated99,
    double linearForwardVariance, double linearForwardRatio, double linearBackwardVariance,
    double linearBackwardRatio) {}
