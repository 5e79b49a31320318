package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
  @Test
  void everyLayerTypeActivationAndLossPassesCentralDifferences() {
    List<GradientCheck.Result> results = GradientCheck.standardSuite();
    StringBuilder report = new StringBuilder();
    for (GradientCheck.Result r : results) {
      report.append(String.format("%-34s %.3e  %s%n", r.name(), r.maxRelativeError(), r.worst()));
    }
    System.out.print(report);
    for (GradientCheck.Result r : results) {
      assertTrue(r.passed(), r.name() + " failed: " + r.worst() + "\n" + report);
      assertTrue(r.entriesChecked() > 10, r.name());
    }
  }
}
