/**
 * Experiments: the sweep config (YAML) with its validation and grid expansion
 * ({@link sigprop.experiment.ConfigLoader} → {@link sigprop.experiment.SweepPlan} of
 * {@link sigprop.experiment.CellSpec}s), the {@code grid} dry-run verb, and the cell
 * specifications a runner turns into rows. Nothing here imports Spark.
 */
package sigprop.experiment;
