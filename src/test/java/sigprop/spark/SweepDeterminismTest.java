package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sweep under local[1] and local[2] and with different task sizes (so different
 * partitionings) gives identical Parquet values. Each run owns its Spark session.
 */
class SweepDeterminismTest {
  @TempDir
  Path dir;

  @Test
  void sameNumbersOnEveryLayoutAndPartitioning() throws Exception {
    Path config = SweepJobTest.write(dir, SweepJobTest.CONFIG);
    StringBuilder log = new StringBuilder();
    assertEquals(0, SweepJobTest.sweep(log, config.toString(), "--out",
        dir.resolve("one").toString(), "--master", "local[1]"), log::toString);
    assertEquals(0, SweepJobTest.sweep(log, config.toString(), "--out",
        dir.resolve("two").toString(), "--master", "local[2]", "--task-gflop", "0.001"),
        log::toString);
    assertEquals(0, SweepJobTest.sweep(log, config.toString(), "--out",
        dir.resolve("three").toString(), "--master", "local[2]", "--task-gflop", "0.01",
        "--task-slots", "7"), log::toString);
    SparkSession spark = SparkSession.builder().master("local[1]").appName("read")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
    try {
      List<String> one = SweepJobTest.rows(spark, dir.resolve("one/t/layers"));
      SweepJobTest.assertSameRows(one, SweepJobTest.rows(spark, dir.resolve("two/t/layers")));
      SweepJobTest.assertSameRows(one, SweepJobTest.rows(spark, dir.resolve("three/t/layers")));
      List<String> cells = SweepJobTest.rows(spark, dir.resolve("one/t/cells"), "wall_seconds");
      SweepJobTest.assertSameRows(cells,
          SweepJobTest.rows(spark, dir.resolve("two/t/cells"), "wall_seconds"));
      assertEquals(16, cells.size());
    } finally {
      spark.stop();
    }
  }
}
