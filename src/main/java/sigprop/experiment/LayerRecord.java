package sigprop.experiment;

import sigprop.net.Site;
import sigprop.stats.SiteRecord;

/**
 * The statistics of one site of one layer after {@code step} training steps. Layers are 1..L for
 * hidden layers and L+1 for the output head; the Jacobian diagnostic rides on the output site.
 */
public record LayerRecord(int step, int layer, Site site, SiteRecord record) {}
