package sigprop.experiment;

import java.util.List;
import java.util.Map;
import java.util.Set;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.LossType;
import sigprop.net.NetworkSpec;
import sigprop.net.Site;
import sigprop.net.Norm;
import sigprop.net.StandardActivation;

/** Small cells for tests, built without a config file. */
final class TestCells {
  private TestCells() {}

  static CellSpec cell(NetworkSpec net, int batch, long seed, List<Integer> steps) {
    return cell(net, batch, seed, steps, RecordSpec.DEFAULT.sites());
  }

  static CellSpec cell(NetworkSpec net, int batch, long seed, List<Integer> steps,
      Set<Site> sites) {
    return cell(net, batch, seed, steps, sites, HistogramSettings.DEFAULT);
  }

  static CellSpec cell(NetworkSpec net, int batch, long seed, List<Integer> steps,
      Set<Site> sites, HistogramSettings histogram) {
    RecordSpec record = new RecordSpec(sites, steps, histogram);
    return new CellSpec("test", "exp", net, new InputSpec(batch, net.inputWidth(), "normal", 0,
        false), LossType.CROSS_ENTROPY, seed, record, TrainingSpec.DEFAULT,
        Map.of("depth", String.valueOf(net.depth()), "init", net.weightInit().toString(),
            "norm", net.norm().key()));
  }

  static CellSpec tanh(int width, int depth, Norm norm, InitScheme init, int batch, long seed) {
    return cell(NetworkSpec.uniform(width, width, depth, StandardActivation.TANH, norm,
        InitSpec.of(init), 10), batch, seed, List.of(0));
  }
}
