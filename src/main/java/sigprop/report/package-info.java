/**
 * Writers the summarizer calls: an immutable in-memory {@link sigprop.report.Table}, its CSV form
 * ({@link sigprop.report.CsvWriter}, {@link sigprop.report.CsvReader}), a column-by-column schema
 * in Markdown ({@link sigprop.report.SchemaWriter}), and headless XChart figures in PNG and SVG
 * ({@link sigprop.report.LayerCurveFigure}, {@link sigprop.report.HistogramFigure}).
 *
 * <p>Nothing here imports Spark or another sigprop package: the summarizer turns its rows into
 * tables and curves, and this package only formats them. Every file is written to a hidden
 * temporary file beside its target and then renamed, so a reader never sees half a file, and an
 * existing file is kept unless the caller passes {@link sigprop.report.IfExists#REPLACE}.
 */
package sigprop.report;
