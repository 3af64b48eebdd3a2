/**
 * The distribution job's operators: apply each partner's sharing agreement, audit every decision.
 */
package io.cordon.pipeline.flink.distribute;
