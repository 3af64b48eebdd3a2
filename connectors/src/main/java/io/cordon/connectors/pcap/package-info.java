/**
 * Reads classic libpcap capture files (both byte orders, microsecond and nanosecond timestamps) and
 * yields the UDP datagrams in them with their capture timestamps, for replaying recorded sensor
 * feeds (ASTERIX, AIS over UDP) through the same decoders as live traffic.
 *
 * <p>Supported link layers: Ethernet (with 802.1Q/802.1ad tags), Linux cooked capture v1 and v2,
 * raw IP and BSD loopback; network layers IPv4 and IPv6. Nothing here throws on bad bytes.
 */
package io.cordon.connectors.pcap;
