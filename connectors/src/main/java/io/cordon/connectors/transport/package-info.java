/**
 * Where a connector's bytes come from: a UDP socket ({@link
 * io.cordon.connectors.transport.UdpListener}), a TCP server or client ({@link
 * io.cordon.connectors.transport.TcpServer}, {@link io.cordon.connectors.transport.TcpClient}) or a
 * file ({@link io.cordon.connectors.transport.FileSource}). Transports only move bytes; framing and
 * decoding are the format's ({@link io.cordon.connectors.runtime.FeedDecoders}).
 */
package io.cordon.connectors.transport;
