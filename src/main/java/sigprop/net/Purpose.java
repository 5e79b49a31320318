package sigprop.net;

/** What a random stream is for; part of the key every stream is derived from. */
public enum Purpose {
  /** The input batch x. */
  INPUT,
  /** A layer's weights. */
  WEIGHTS,
  /** A layer's biases. */
  BIASES,
  /** Class labels or regression targets of the loss. */
  TARGETS,
  /** Inputs of the synthetic training task. */
  TRAINING_INPUTS,
  /** Labels or targets of the synthetic training task. */
  TRAINING_TARGETS
}
