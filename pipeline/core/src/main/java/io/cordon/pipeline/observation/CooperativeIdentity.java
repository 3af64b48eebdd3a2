package io.cordon.pipeline.observation;

/**
 * Identities a target reports about itself or that a partner has attached; empty strings when
 * unknown, never null.
 *
 * @param mmsi AIS Maritime Mobile Service Identity (9 digits)
 * @param icao24 ICAO 24-bit aircraft address as 6 upper-case hex digits
 * @param callsign radio callsign or flight identification
 * @param cotUid Cursor on Target event uid
 */
public record CooperativeIdentity(String mmsi, String icao24, String callsign, String cotUid) {
    public static final CooperativeIdentity NONE = new CooperativeIdentity("", "", "", "");

    public CooperativeIdentity {
        mmsi = mmsi == null ? "" : mmsi;
        icao24 = icao24 == null ? "" : icao24;
        callsign = callsign == null ? "" : callsign;
        cotUid = cotUid == null ? "" : cotUid;
    }

    public boolean isEmpty() {
        return mmsi.isEmpty() && icao24.isEmpty() && callsign.isEmpty() && cotUid.isEmpty();
    }

    /** Fills each field this one lacks from {@code other}. */
    public CooperativeIdentity mergedWith(CooperativeIdentity other) {
        return new CooperativeIdentity(
                mmsi.isEmpty() ? other.mmsi : mmsi,
                icao24.isEmpty() ? other.icao24 : icao24,
                callsign.isEmpty() ? other.callsign : callsign,
                cotUid.isEmpty() ? other.cotUid : cotUid);
    }
}
