# Plots per-layer variance from a summary's layers.csv as written: one line per configuration
# (mean over seeds of log10 variance), a band of ±1 sd over seeds, dashed theory where the
# table has it. Hidden layers only (not the head).
#
#   gnuplot -c jobs/plot-variance.gp SUMMARY/layers.csv OUT.png [SITE] [EXPERIMENT] [STEP]
#
# OUT.svg writes SVG instead. A configuration drawn from fewer seeds than it has says so in its
# legend entry ("(2 of 3 seeds ok, 1 failed)"; "(not drawn: 0 of 3 seeds ok, 3 diverged)").
# SITE: output (default), output_gradient, pre_activation_gradient, pre_activation, normalized,
#   weight, weight_gradient.
# EXPERIMENT: only this experiment's configurations (default, or "": every one in the file).
# STEP: the training step drawn (default: the first one recorded for that site and experiment).
# Needs gnuplot 5.2 or later (gnuplot-nox will do); see docs/SUMMARY.md.

if (ARGC < 2) {
  print "usage: gnuplot -c plot-variance.gp SUMMARY/layers.csv OUT.png [SITE] [EXPERIMENT] [STEP]"
  exit status 2
}
file = ARG1
out = ARG2
site = ARGC >= 3 ? ARG3 : "output"
experiment = ARGC >= 4 ? ARG4 : ""

set datafile separator comma
# A hidden layer's row of the chosen site and experiment, at any step.
# is_head is FALSE/TRUE; summaries written before 2026-12-07 spelled it false/true.
chosen_row(dummy) = strcol("site") eq site \
    && (strcol("is_head") eq "FALSE" || strcol("is_head") eq "false") \
    && (experiment eq "" || strcol("experiment") eq experiment)

stats file using (column("config_index")) nooutput
n = int(STATS_max) + 1
# stats leaves its variables unset when no row is valid (a warning, not an error).
undefine STATS_*
stats file using (chosen_row(0) ? column("step") : NaN) nooutput
if (!exists("STATS_min")) {
  print sprintf("plot-variance: no rows of site '%s'%s in %s", site, \
      experiment eq "" ? "" : " and experiment '" . experiment . "'", file)
  exit status 1
}
step = ARGC >= 5 ? int(ARG5) : int(STATS_min)
several_steps = STATS_min != STATS_max
# Whether a row belongs to configuration c's curve: one step, or a trained net's curve would be
# drawn on top of the initial one in the same colour under the same legend entry.
keep(c) = column("config_index") == c && chosen_row(0) && column("step") == step

undefine STATS_*
stats file using (keep(column("config_index")) ? column("layer") : NaN) nooutput
if (!exists("STATS_max")) {
  print sprintf("plot-variance: no rows of site '%s'%s at step %d in %s", site, \
      experiment eq "" ? "" : " and experiment '" . experiment . "'", step, file)
  exit status 1
}
top = STATS_max
array labels[n]
array used[n]
array theory[n]
array drawn[n]
array seeds[n]
array ok[n]
array diverged[n]
array failed[n]
do for [i = 1:n] { used[i] = 0; theory[i] = 0; drawn[i] = 0 }
# One pass to pick up each configuration's label, whether it has rows here, whether any of
# them has a measured or a theory value (an empty field reads NaN, which is not equal to
# itself) and its seeds' statuses.
t = "theory_log10_variance"
m = "log10_variance_mean"
set table $scratch
set xrange [-1:1]
set yrange [-1:1]
plot file using (c = int(column("config_index")), labels[c + 1] = strcol("config_label"), \
    used[c + 1] = used[c + 1] || keep(c), \
    drawn[c + 1] = drawn[c + 1] || keep(c) && column(m) == column(m), \
    seeds[c + 1] = column("n_seeds"), ok[c + 1] = column("n_ok"), \
    diverged[c + 1] = column("n_diverged"), failed[c + 1] = column("n_failed"), \
    theory[c + 1] = theory[c + 1] || keep(c) && column(t) == column(t), 0):(0) with points
unset table
set autoscale
chosen = ""
with_theory = ""
do for [i = 1:n] {
  if (used[i]) { chosen = chosen . sprintf(" %d", i - 1) }
  if (theory[i]) { with_theory = with_theory . sprintf(" %d", i - 1) }
}
# A line from fewer seeds than its configuration has, or none, says why in its legend entry, as
# summarize's own figures do: "… (2 of 3 seeds ok, 1 diverged)", "… (not drawn: 0 of 3 …)".
statuses(i) = sprintf("%d of %d seeds ok", ok[i], seeds[i]) \
    . (diverged[i] > 0 ? sprintf(", %d diverged", diverged[i]) : "") \
    . (failed[i] > 0 ? sprintf(", %d failed", failed[i]) : "")
title(i) = labels[i] . (!drawn[i] ? " (not drawn: " . (ok[i] > 0 ? "no finite value" \
    : statuses(i)) . ")" : ok[i] < seeds[i] ? " (" . statuses(i) . ")" : "")
if (words(chosen) == 0) {
  print sprintf("plot-variance: no rows of site '%s'%s in %s", site, \
      experiment eq "" ? "" : " and experiment '" . experiment . "'", file)
  exit status 1
}

# Wide enough for the longest legend entry (about 8 pixels a character at font size 10) beside
# a plot of about 500 pixels: long labels squeezed the plot to a sliver.
longest = 0
do for [w in chosen] {
  a = strlen(title(int(w) + 1))
  b = strlen(labels[int(w) + 1] . " (theory)")
  longest = a > longest ? a : longest
  longest = b > longest ? b : longest
}
width = longest * 8 + 560 > 1000 ? longest * 8 + 560 : 1000
if (out[strlen(out) - 3:] eq ".svg") {
  set terminal svg size width,560 font ",10"
} else {
  if (strstrt(GPVAL_TERMINALS, "pngcairo") > 0) {
    set terminal pngcairo size width,560 font ",10"
  } else {
    set terminal png size width,560
  }
}
set output out
# The title centred on the canvas: gnuplot centres `set title` over the plot, which the key on
# the right pushes left, and clips a long title at the canvas' left edge.
set tmargin 3
set label 1 sprintf("%svariance of %s per layer%s (mean over seeds, band ±1 sd%s)", \
    experiment eq "" ? "" : experiment . ": ", site, several_steps ? sprintf(", step %d", step) : "", \
    words(with_theory) > 0 ? ", dashed: theory" : "") at screen 0.5, screen 0.97 center noenhanced
set xlabel "hidden layer"
set xtics ceil(top / 10.0)
set ylabel sprintf("log10 Var[%s]", site) noenhanced
set key outside right top Left reverse noenhanced
set grid
set style fill transparent solid 0.2 noborder

x(c) = keep(c) ? column("layer") : NaN
s = "log10_variance_sd"
# A step after training has no theory: no dashed lines, and no legend entries for them.
if (words(with_theory) > 0) {
  plot for [w in chosen] file using (x(int(w))):(column(m) - column(s)):(column(m) + column(s)) \
           with filledcurves lc int(w) + 1 notitle, \
       for [w in chosen] file using (x(int(w))):(column(m)) \
           with lines lw 2 lc int(w) + 1 title title(int(w) + 1), \
       for [w in with_theory] file using (x(int(w))):(column(t)) \
           with lines lw 1.5 dt 2 lc int(w) + 1 title labels[int(w) + 1] . " (theory)"
} else {
  plot for [w in chosen] file using (x(int(w))):(column(m) - column(s)):(column(m) + column(s)) \
           with filledcurves lc int(w) + 1 notitle, \
       for [w in chosen] file using (x(int(w))):(column(m)) \
           with lines lw 2 lc int(w) + 1 title title(int(w) + 1)
}
