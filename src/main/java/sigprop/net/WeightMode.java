package sigprop.net;

/** Whether a network keeps its weight matrices or draws them again whenever a pass needs them. */
public enum WeightMode {
  /** Weights are kept, and may be read and updated (training, gradient checks). */
  KEPT,
  /**
   * Weights are not kept: each pass draws layer l's weights again from the stream (seed, l,
   * WEIGHTS), bit-identical to the kept ones, once in forward and once in backward. Halves the
   * memory of a deep wide net for the price of two draws per pass; the weights cannot be
   * updated, so only for passes at initialization.
   */
  REDRAWN
}
