/**
 * Human-readable alert text in the partners' languages (English, Spanish, Portuguese, French),
 * written from the redacted alert so that text cannot leak a field the partner may not see.
 */
package io.cordon.pipeline.sharing.text;
