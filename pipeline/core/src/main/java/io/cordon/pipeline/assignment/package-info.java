/**
 * Optimal two-dimensional assignment (the linear sum assignment problem): given a rows × columns
 * cost matrix with rows ≤ columns and forbidden pairs as +∞, choose one distinct column per row
 * with least total cost. Used by association (tracks × observations) and by the GOSPA metric.
 */
package io.cordon.pipeline.assignment;
