/**
 * Data association: which observation belongs to which track. Chi-square gating on the innovation,
 * a uniform spatial grid so that gating costs about linear in the number of tracks, clustering into
 * independent sub-problems, and global nearest neighbour by optimal assignment of
 * log-likelihood-ratio costs (Blackman & Popoli 1999, §6.4 and §7.1), or joint probabilistic data
 * association (marginal association probabilities by exact enumeration of small clusters).
 */
package io.cordon.pipeline.association;
