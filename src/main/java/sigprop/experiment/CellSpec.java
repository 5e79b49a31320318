package sigprop.experiment;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import sigprop.net.LossType;
import sigprop.net.NetworkSpec;
import sigprop.net.Site;
import sigprop.net.WeightMode;

/**
 * One grid cell: a fully resolved network, input, loss, recording and training plan, and seed.
 * {@code parameters} holds the cell's configuration as text (axis name → value, e.g. depth → 60,
 * init → xavier_normal(gain=1.0)), the columns the output tables carry.
 */
public record CellSpec(
    String sweep,
    String experiment,
    NetworkSpec network,
    InputSpec input,
    LossType loss,
    long seed,
    RecordSpec record,
    TrainingSpec training,
    Map<String, String> parameters) {

  /** The letter before a cell id's hex digits (table layout 3 on). */
  public static final String CELL_ID_LETTER = "c";
  /** The letter before a configuration id's hex digits. */
  public static final String CONFIG_ID_LETTER = "g";
  /** The hex digits of an id, all an id was in table layouts 1 and 2. */
  public static final int HEX_DIGITS = 16;

  public CellSpec {
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /**
   * A stable id from the content: experiment, every parameter and the seed ('c' and 16 hex
   * digits of a SHA-256), the same on every machine and run. The letter first, because about one
   * bare 16-digit hex string in 770 is all digits or digits-e-digits, which spreadsheets, pandas
   * and R read as a number.
   */
  public String id() {
    return CELL_ID_LETTER + legacyId();
  }

  /** The id as schema version 2 wrote it: the 16 hex digits without the letter. */
  public String legacyId() {
    return CanonicalConfig.sha256(configurationKey() + "\u0000seed=" + seed)
        .substring(0, HEX_DIGITS);
  }

  /**
   * The configuration's id: 'g' (the group of its seeds) and as {@link #id()} without the seed,
   * so every seed of one configuration shares it (what the summarizer averages over).
   */
  public String configId() {
    return CONFIG_ID_LETTER
        + CanonicalConfig.sha256(configurationKey()).substring(0, HEX_DIGITS);
  }

  /** The configuration as text: the experiment and every parameter, in key order. */
  public String configurationKey() {
    StringBuilder key = new StringBuilder(experiment);
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      key.append('\u0000').append(e.getKey()).append('=').append(e.getValue());
    }
    return key.toString();
  }

  /** The same cell with another seed. */
  public CellSpec withSeed(long otherSeed) {
    return new CellSpec(sweep, experiment, network, input, loss, otherSeed, record, training,
        parameters);
  }

  /**
   * How the cell's network holds its weights: redrawn at each use when the cell never trains
   * (it records only step 0) and its init is cheap to draw, else kept. Either gives the same bits.
   */
  public WeightMode weightMode() {
    boolean trains = record.lastStep() > 0;
    return trains || !network.weightInit().scheme().cheapToRedraw()
        ? WeightMode.KEPT : WeightMode.REDRAWN;
  }

  /**
   * Estimated peak bytes of the cell ({@link CellMemory}): the network's passes (weights unless
   * redrawn, momentum buffers, kept activations, every scratch buffer, an orthogonal init's
   * QR), the input and training data, the records and their rows, and a fixed allowance.
   */
  public long memoryBytes() {
    return memoryBytes(0);
  }

  /**
   * {@link #memoryBytes()} in a G1 heap of this region size, whose large arrays take whole
   * regions ({@code sigprop.net.HeapRegions}); 0: the raw sizes.
   */
  public long memoryBytes(long regionBytes) {
    return memory(regionBytes).total();
  }

  /** The estimate's parts in a G1 heap of this region size (0: the raw sizes). */
  public CellMemory memory(long regionBytes) {
    return CellMemory.of(this, regionBytes);
  }

  /** Whether the records, rather than the network's tensors, take most of the memory. */
  public boolean memoryMostlyStatistics(long regionBytes) {
    return CellMemory.statistics(this) > memoryBytes(regionBytes) / 2;
  }

  /**
   * Floating-point work of the cell's products: one recorded pass per step (forming weight
   * gradients only when they are recorded) plus the training passes.
   */
  public double flops() {
    boolean recorded = record.sites().contains(Site.WEIGHT_GRADIENT);
    return network.flopsPerPass(input.batch(), recorded) * record.steps().size()
        + network.flopsPerPass(input.batch(), true) * record.lastStep();
  }
}
