/** Experiment configs, grid expansion into cells, seeding, cost estimates, and the cell runner that turns one cell into statistics rows. No Spark. */
package sigprop.experiment;
