package sigprop.spark;

import java.io.IOException;
import sigprop.experiment.GridCommand;

/**
 * The {@code grid} verb's view of a sweep: configs read as {@code sweep} reads them (local or any
 * Hadoop URI) and cells checked against the heap {@code sweep} would give each on that master,
 * so a config {@code grid} accepts is one {@code sweep} runs. Spark's classes are only read
 * (its configuration), no Spark starts.
 */
public final class GridEnvironment implements GridCommand.Environment {
  @Override
  public String read(String location) throws IOException {
    return ConfigText.read(location);
  }

  @Override
  public long heapPerCell(String master) {
    if (master != null) {
      SparkSessions.checkMaster(master);
    }
    return SparkSessions.heapPerTask(master);
  }

  @Override
  public int cores(String master) {
    return SparkSessions.localThreads(master);
  }

  @Override
  public long regionBytes(String master) {
    if (master != null) {
      SparkSessions.checkMaster(master);
    }
    return SparkSessions.executorRegionBytes(master);
  }
}
