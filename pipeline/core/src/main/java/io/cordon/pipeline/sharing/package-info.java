/**
 * The partner sharing policy: which partner receives which alert, with a reason for every decision
 * so that the audit topic can show why something was delivered or withheld.
 */
package io.cordon.pipeline.sharing;
