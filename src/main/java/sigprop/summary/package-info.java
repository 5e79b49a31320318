/**
 * The summarizer's arithmetic and tables, free of Spark: per-seed statistics averaged over seeds
 * with Student-t bounds ({@link sigprop.summary.SeedAggregation}), records pooled exactly across
 * seeds, theory beside the measurements, configuration labels, the summary tables with their
 * schemas, and the figures. {@code sigprop.spark.SummarizeJob} feeds it rows read from Parquet;
 * tests feed it hand-made values.
 */
package sigprop.summary;
