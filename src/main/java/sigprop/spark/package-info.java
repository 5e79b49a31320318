/**
 * The thin Spark layer around the pure-Java core, and the one package that imports Spark. The
 * {@code sweep} verb ({@link sigprop.spark.SweepJob}) runs a config's cells as tasks on the
 * executors ({@code CellTask}: each cell single-threaded through {@code sigprop.net} and
 * {@code sigprop.stats}) and writes the {@code cells}, {@code layers} and {@code theory} Parquet
 * tables ({@link sigprop.spark.CellTable}, {@link sigprop.spark.LayerTable},
 * {@link sigprop.spark.TheoryTableRows}) in waves committed one by one ({@code WavePipeline}),
 * beside a manifest and under a one-writer lock ({@code SweepLock}), so a killed sweep resumes
 * (after {@code ResumeRepair} drops the waves whose files were lost or damaged, every page
 * read and checked against its CRC by {@code CheckedPages}).
 * The {@code summarize} verb ({@link sigprop.spark.SummarizeJob}) reads those tables back, groups
 * the layer rows of each configuration, step, layer and site and averages them over seeds on the
 * executors with {@code sigprop.summary}'s arithmetic, then writes the CSVs and figures on the
 * driver; what it checks of its input ({@code DamagedWaves}, {@code IncompleteFolders},
 * {@code MixedBins}), which rows it keeps of cells held twice ({@code LatestRows}) and its account
 * of the run ({@code RunProvenance}) are classes of their own. Around the two jobs: the session
 * and its scheduler pools, progress lines, the build's code version, and the {@code grid} verb's
 * view of the heap a cell would get.
 */
package sigprop.spark;
