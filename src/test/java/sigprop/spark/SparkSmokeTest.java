package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

class SparkSmokeTest extends SharedSparkSession {
  @Test
  void localSessionRuns() {
    long n = spark.createDataset(List.of(1, 2, 3, 4), Encoders.INT()).filter(
        (org.apache.spark.api.java.function.FilterFunction<Integer>) i -> i % 2 == 0).count();
    assertEquals(2, n);
  }
}
