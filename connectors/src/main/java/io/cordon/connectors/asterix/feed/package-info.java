/**
 * Decoding a whole ASTERIX feed, whose datagrams mix categories (a radar sends CAT048 plots and
 * CAT034 service messages on one multicast group; an SDPS sends CAT062 tracks), into {@link
 * io.cordon.connectors.asterix.AsterixMessage}s.
 */
package io.cordon.connectors.asterix.feed;
