/**
 * The connector runtime: a format's framing, decoder and mapper per connection ({@link
 * io.cordon.connectors.runtime.FeedDecoders}), one record's outcome ({@link
 * io.cordon.connectors.runtime.FeedItem}), feed health ({@link
 * io.cordon.connectors.runtime.FeedHealth}), real-time replay ({@link
 * io.cordon.connectors.runtime.Pacer}) and the loop that ties a transport to a sink ({@link
 * io.cordon.connectors.runtime.Connector}). Kafka and the protobuf codec are the jobs module's.
 */
package io.cordon.connectors.runtime;
