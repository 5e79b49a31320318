package sigprop.experiment;

/**
 * Estimated work of a cell in flop-equivalents: the matrix products ({@link CellSpec#flops}),
 * dearer for small batches, the elementwise work (activations, norms, statistics), which costs
 * about {@value #ELEMENTWISE_FLOPS} flops' worth per activation entry and pass on this kind of
 * machine and dominates narrow layers, and a fixed cost per record, which dominates tiny ones.
 */
public final class CostModel {
  /** Flop-equivalents per second one core gets through, roughly, for planning batches. */
  public static final double ASSUMED_RATE = 5e9;

  /** Flop-equivalents per activation entry per pass for activation, norm and statistics work. */
  public static final double ELEMENTWISE_FLOPS = 1000;

  /**
   * Flop-equivalents per record (one layer, site and recorded step) whatever the layer's size:
   * the record's snapshot and quantiles, its layers row and the row's Parquet encoding, about
   * 28 µs here (1,000 cells of width and batch 4, depth 100, five sites: 505,000 records in
   * 14.1 s of task time), priced at the rate the other two terms actually run at here (≈ 39e9
   * flop-equivalents a second: conf/bench-sweep.yaml's 1.74e12 in 45 s), so that the weights of
   * tiny and large cells compare. Without it a sweep of such cells was planned as one task on
   * one of two slots.
   */
  public static final double RECORD_FLOPS = 1.1e6;

  /**
   * The batch at which the products' cost per flop doubles: the kernel's three products of a
   * layer run at about batch / (batch + {@value #HALF_RATE_BATCH}) of its full rate (measured at
   * widths 32–1024 on one core: 0.05–0.09 at batch 1, 0.3 at 4, 0.5–0.7 at 16, 0.8–0.9 at 64,
   * 0.95 at 256), as its register tiles and packed panels span the batch's rows. Without it a
   * batch-16 cell's compute came out 2.4 times its estimate beside a batch-256 cell's.
   */
  public static final double HALF_RATE_BATCH = 12;

  private CostModel() {}

  /** The estimated work of one cell. */
  public static double work(CellSpec cell) {
    double passes = (double) cell.record().steps().size() + cell.record().lastStep();
    long activations = 0;
    int layers = cell.network().depth() + 1;
    for (int l = 1; l <= layers; l++) {
      activations += cell.network().width(l);
    }
    double elementwise = ELEMENTWISE_FLOPS * cell.input().batch() * (double) activations;
    double records = (double) cell.record().steps().size() * layers
        * cell.record().sites().size();
    double products = cell.flops() * (1 + HALF_RATE_BATCH / cell.input().batch());
    return products + passes * elementwise + records * RECORD_FLOPS;
  }
}
