package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigLoader;

/** The session sigprop starts itself (jobs/sigprop, spark-submit), and what it changes. */
class SparkSessionsTest {
  static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.driver.host", "127.0.0.1");
    try {
      spark = SparkSessions.start("sessions-test", "local[2]");
    } finally {
      System.clearProperty("spark.ui.enabled");
      System.clearProperty("spark.driver.host");
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void theSessionUsesTheFairSchedulerWithSigpropsPools() {
    assertEquals("FAIR", spark.sparkContext().getSchedulingMode().toString());
    assertEquals(1, spark.sparkContext().getPoolForName(SchedulerPools.SIDE).get().minShare());
  }

  @Test
  void layersArraysAreTwoLevelListsThatReadBackExactly() throws Exception {
    Path config = SweepJobTest.write(dir, SweepJobTest.CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    assertEquals(0, SweepJobTest.sweep(log, config.toString(), "--out", dir.toString()),
        log::toString);
    Path layers = dir.resolve("t/layers");
    MessageType schema = footerSchema(layers);
    for (String column : new String[] {"hist_slots", "hist_counts"}) {
      GroupType list = schema.getType(column).asGroupType();
      assertEquals("array", list.getType(0).getName(), schema::toString);
      assertTrue(list.getType(0).isPrimitive() && list.getType(0).isRepetition(
          org.apache.parquet.schema.Type.Repetition.REPEATED), "elements right under the list");
    }
    // Read back, every row equals the core's own result for that cell.
    List<CellSpec> cells = ConfigLoader.parse(Files.readString(config), config.toString(),
        List.of(), 0).cells();
    for (CellSpec cell : List.of(cells.get(0), cells.get(cells.size() - 1))) {
      List<String> expected = new ArrayList<>();
      for (Row r : spark.createDataFrame(LayerTable.rows(CellRunner.run(cell)),
          LayerTable.SCHEMA).collectAsList()) {
        expected.add(r.toString());
      }
      expected.sort(null);
      List<String> written = new ArrayList<>();
      for (Row r : spark.read().parquet(layers.toString()).drop("wave")
          .where("cell_id = '" + cell.id() + "'").collectAsList()) {
        written.add(r.toString());
      }
      written.sort(null);
      SweepJobTest.assertSameRows(expected, written);
    }
  }

  private static MessageType footerSchema(Path table) throws Exception {
    Path file;
    try (Stream<Path> files = Files.walk(table)) {
      file = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      return r.getFooter().getFileMetaData().getSchema();
    }
  }
}
