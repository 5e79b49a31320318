package sigprop.theory;

import java.util.List;

/**
 * The per-layer predictions for one input, with the mean-field scalars of the plain length map.
 *
 * @param input what was predicted
 * @param rows layers 1..L in order
 * @param fixedPoint q*, χ₁, ξ_q, ξ_c of the map with layer L's σ_w² and σ_b², iterated from q¹;
 *     they describe the init and activation without a norm even when the input has one
 */
public record TheoryTable(TheoryInput input, List<TheoryRow> rows, FixedPoint fixedPoint) {
  /** Copies the rows. */
  public TheoryTable {
    rows = List.copyOf(rows);
  }

  /** The row of hidden layer l (1-based). */
  public TheoryRow row(int layer) {
    if (layer < 1 || layer > rows.size()) {
      throw new IllegalArgumentException("layer must be in 1.." + rows.size() + ", got " + layer);
    }
    return rows.get(layer - 1);
  }

  /** A one-line summary; {@link TheoryTableWriter} prints the table. */
  @Override
  public String toString() {
    return "TheoryTable[" + input.activation().describe() + ", " + input.init() + ", depth "
        + input.depth() + ", norm " + input.norm().key() + ", " + fixedPoint + "]";
  }
}
