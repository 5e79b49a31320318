package sigprop.experiment;

/**
 * Estimated work of a cell in flop-equivalents: the matrix products (6·batch·Σ fanIn·fanOut per
 * recorded or training pass) plus the elementwise work (activations, norms, statistics), which
 * costs about {@value #ELEMENTWISE_FLOPS} flops' worth per activation entry and pass on this
 * kind of machine and dominates narrow layers.
 */
public final class CostModel {
  /** Flop-equivalents per second one core gets through, roughly, for planning batches. */
  public static final double ASSUMED_RATE = 5e9;

  /** Flop-equivalents per activation entry per pass for activation, norm and statistics work. */
  public static final double ELEMENTWISE_FLOPS = 1000;

  private CostModel() {}

  /** The estimated work of one cell. */
  public static double work(CellSpec cell) {
    double passes = (double) cell.record().steps().size() + cell.record().lastStep();
    long activations = 0;
    for (int l = 1; l <= cell.network().depth() + 1; l++) {
      activations += cell.network().width(l);
    }
    double elementwise = ELEMENTWISE_FLOPS * cell.input().batch() * (double) activations;
    return passes * (cell.network().flopsPerPass(cell.input().batch()) + elementwise);
  }
}
