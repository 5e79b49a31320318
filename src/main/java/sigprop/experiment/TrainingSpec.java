package sigprop.experiment;

/**
 * SGD settings for the training steps taken between recordings (torch.optim.SGD conventions).
 * The synthetic task draws a fresh batch of inputs at every step and labels them with a fixed
 * random linear teacher, both from the cell's seed.
 */
public record TrainingSpec(double learningRate, double momentum, double weightDecay) {
  /** lr 0.01, no momentum, no weight decay. */
  public static final TrainingSpec DEFAULT = new TrainingSpec(0.01, 0.0, 0.0);

  public TrainingSpec {
    if (!(learningRate >= 0) || !(momentum >= 0) || !(weightDecay >= 0)
        || Double.isInfinite(learningRate + momentum + weightDecay)) {
      throw new IllegalArgumentException(
          "training lr, momentum, weight_decay must be finite and >= 0");
    }
  }
}
