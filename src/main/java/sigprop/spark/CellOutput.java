package sigprop.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/** One finished cell as table rows: its cells-table row and its layers-table rows. */
record CellOutput(Row cell, List<Row> layers) implements Serializable {}
