package sigprop.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import sigprop.experiment.CellSpec;

/**
 * The Parquet tables of one or more sweep folders, each with an integer {@code source} column (the
 * folder's position in the list) and {@code wave} (0 when the folder is not partitioned by wave).
 *
 * @param cells the cells tables, unioned
 * @param layers the layers tables, unioned
 * @param theory the theory tables of the folders that have one, unioned; null if none has
 */
record SweepInput(Dataset<Row> cells, Dataset<Row> layers, Dataset<Row> theory) {

  /** Reads the folders; throws IllegalArgumentException naming a folder without a table. */
  static SweepInput read(SparkSession spark, List<String> sweeps) {
    Dataset<Row> cells = null;
    Dataset<Row> layers = null;
    Dataset<Row> theory = null;
    for (int source = 0; source < sweeps.size(); source++) {
      String folder = sweeps.get(source);
      cells = union(cells, table(spark, folder, "cells", source, true));
      layers = union(layers, table(spark, folder, "layers", source, true));
      theory = union(theory, table(spark, folder, "theory", source, false));
    }
    return new SweepInput(cells, layers, theory);
  }

  private static Dataset<Row> table(SparkSession spark, String folder, String name, int source,
      boolean required) {
    String path = folder + "/" + name;
    if (!hasParquet(spark, path)) {
      if (required) {
        throw new IllegalArgumentException(folder + " has no " + name + " table (expected "
            + path + "/wave=*/part-*.parquet, as the sweep job writes; an empty folder is no"
            + " table)" + escapeNote(folder));
      }
      return null;
    }
    Dataset<Row> table = CheckedPages.reader(spark).parquet(path);
    if (!List.of(table.columns()).contains("wave")) {
      table = table.withColumn("wave", lit(0));
    }
    table = withLetter(withLetter(table, "cell_id", CellSpec.CELL_ID_LETTER), "config_id",
        CellSpec.CONFIG_ID_LETTER);
    return table.withColumn("source", lit(source));
  }

  /**
   * Spark and Hadoop read a folder's URI as written, so a {@code %20} that Java's
   * {@code Path.toUri()} or a browser put there for a space names another folder: say so.
   */
  static String escapeNote(String folder) {
    return folder.matches(".*%[0-9A-Fa-f]{2}.*") ? "; a %xx escape in a folder is read as"
        + " written (Spark's and Hadoop's rule): for a space, write the space itself, in quotes"
        : "";
  }

  /**
   * The ids as table layout 3 writes them: layouts 1 and 2 wrote the 16 hex digits without the
   * letter, so the same cell in an old and a new folder would count twice.
   */
  private static Dataset<Row> withLetter(Dataset<Row> table, String column, String letter) {
    if (!List.of(table.columns()).contains(column)) {
      return table;
    }
    Column id = col(column);
    return table.withColumn(column,
        when(length(id).equalTo(CellSpec.HEX_DIGITS), concat(lit(letter), id)).otherwise(id));
  }

  /** Whether the folder holds a Parquet data file anywhere below it (Spark cannot read none). */
  private static boolean hasParquet(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return false;
      }
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(p, true);
      while (files.hasNext()) {
        String name = files.next().getPath().getName();
        if (name.endsWith(".parquet") && !name.startsWith(".") && !name.startsWith("_")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + path, e);
    }
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    if (a == null || b == null) {
      return a == null ? b : a;
    }
    // By name, tolerating a column one sweep version has and another lacks.
    return a.unionByName(b, true);
  }
}
