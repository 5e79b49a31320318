package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sigprop.net.InitScheme;
import sigprop.net.LossType;
import sigprop.net.Norm;
import sigprop.net.PassMemory;
import sigprop.net.Site;
import sigprop.net.WeightMode;

/** A cell's memory estimate, part by part, against sizes computed by hand. */
class CellMemoryTest {
  /** Width 8 (input too), depth 2, batch 4, 10 classes, no norm, every site at step 0. */
  private static final CellSpec CELL = TestCells.tanh(8, 2, Norm.NONE, InitScheme.XAVIER_NORMAL,
      4, 0);

  @Test
  void recordsCountTheirOccupiedSlotsAtMostTheTensorsSize() {
    // Six sites (normalized needs a norm) at three layers. A record is RECORD_BYTES and
    // SLOT_BYTES per slot, at most one per value: 4 × 8 values at the hidden layers and 4 × 10
    // at the head for the activation sites, 8 × 8, 8 × 8 and 8 × 10 weights.
    long activations = 4 * (3 * CellMemory.RECORD_BYTES + 24 * (32 + 32 + 40));
    long weights = 2 * (3 * CellMemory.RECORD_BYTES + 24 * (64 + 64 + 80));
    // Accumulators: the default log bins (2·800·10 + 5 counters) of every site but the hidden
    // tanh outputs, whose bins are linear over (−1, 1): 200 and 2 outside; the linear head's
    // outputs share the log one.
    long log = 8 * 16005 + CellMemory.ACCUMULATOR_BYTES;
    long linear = 8 * 202 + CellMemory.ACCUMULATOR_BYTES;
    assertEquals(activations + weights + log + linear, CellMemory.statistics(CELL));
  }

  @Test
  void aLargeTensorsRecordCountsAtMostRecordSlots() {
    CellSpec wide = TestCells.cell(CELL.network(), 64, 0, List.of(0), Set.of(Site.OUTPUT_GRADIENT));
    // 64 × 8 = 512 and 64 × 10 = 640 values: 256 slots counted at each of the three layers.
    long records = 3 * (CellMemory.RECORD_BYTES + 24 * CellMemory.RECORD_SLOTS);
    assertEquals(records + 8 * 16005 + CellMemory.ACCUMULATOR_BYTES,
        CellMemory.statistics(wide));
  }

  @Test
  void aCellAtInitializationHoldsItsInputTargetsAndGradient() {
    CellMemory m = CELL.memory(0);
    // x (4 × 8), and 4 × 10 for the loss's targets and for the output gradient.
    assertEquals((8 * 32 + 16) + 2 * (8 * 40 + 16), m.data());
    assertEquals(PassMemory.of(CELL.network(), 4, WeightMode.REDRAWN, true, false, 0),
        m.network());
    assertEquals(CellMemory.ALLOWANCE, m.allowance());
    assertEquals(m.network().total() + m.data() + m.statistics() + m.allowance(), m.total());
    assertEquals(m.total(), CELL.memoryBytes());
  }

  @Test
  void aTrainingCellAddsItsTrainingBatchTeacherAndMomentum() {
    CellSpec trains = new CellSpec("test", "exp", CELL.network(), CELL.input(),
        LossType.CROSS_ENTROPY, 0, new RecordSpec(Set.of(Site.OUTPUT), List.of(0, 3),
            HistogramSettings.DEFAULT), new TrainingSpec(0.01, 0.9, 0), Map.of("depth", "2"));
    CellMemory m = trains.memory(0);
    long pass = (8 * 32 + 16) + 2 * (8 * 40 + 16);
    // A second batch with its targets and gradient, the scores x·T (4 × 10), the teacher 8 × 10.
    assertEquals(2 * pass + (8 * 40 + 16) + (8 * 80 + 16), m.data());
    // Kept weights, ∂L/∂W formed for the updates, a velocity per parameter.
    assertEquals(PassMemory.of(CELL.network(), 4, WeightMode.KEPT, true, true, 0), m.network());
  }
}
