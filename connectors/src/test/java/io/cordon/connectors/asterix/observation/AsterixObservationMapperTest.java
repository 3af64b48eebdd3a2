package io.cordon.connectors.asterix.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.asterix.Cat021DecodeTest;
import io.cordon.connectors.asterix.PeerData;
import io.cordon.connectors.asterix.cat021.Cat021;
import io.cordon.connectors.asterix.cat021.Cat021Report;
import io.cordon.connectors.asterix.cat034.Cat034MessageType;
import io.cordon.connectors.asterix.cat034.Cat034Service;
import io.cordon.connectors.asterix.cat048.Cat048;
import io.cordon.connectors.asterix.cat048.Cat048Plot;
import io.cordon.connectors.asterix.cat062.Cat062;
import io.cordon.connectors.asterix.cat062.Cat062Track;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.pcap.PcapReader;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AsterixObservationMapperTest {
    static final LocalDate DAY = LocalDate.of(2016, 5, 5);
    static final GeoPoint RADAR_SITE = new GeoPoint(45.743, 16.068, 120.0);
    static final SensorConfig RADAR =
            SensorConfig.withDefaults("radar-zagreb", "hrv", SensorKind.GROUND_RADAR, RADAR_SITE);
    static final SensorConfig SDPS =
            SensorConfig.withDefaults("sdps-1", "hrv", SensorKind.PARTNER_TRACKER, RADAR_SITE);
    static final SensorConfig ADSB =
            SensorConfig.withDefaults("adsb-gs-1", "hrv", SensorKind.ADSB, RADAR_SITE);

    static Cat048Plot rawPlot() {
        return Cat048.decode(PeerData.bytes("asterix/input/cat048.raw")).values().get(0);
    }

    static Cat048Plot surfacePlot(double rangeM, double azimuthDeg) {
        return heightPlot(rangeM, azimuthDeg, Double.NaN);
    }

    /** A plot with a 3-D radar's measured height (I110), or none for NaN. */
    static Cat048Plot heightPlot(double rangeM, double azimuthDeg, double heightM) {
        return new Cat048Plot(
                25,
                13,
                3600.5,
                1,
                false,
                false,
                rangeM,
                azimuthDeg,
                -1,
                false,
                false,
                Double.NaN,
                false,
                "",
                "",
                7,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                heightM,
                true);
    }

    /** Geodetic height of the point a radar plot (with its elevation, or up) places in ENU. */
    private static double heightOf(RadarPlot m, double up) {
        double az = Math.toRadians(m.azimuthDeg());
        double r = m.rangeM();
        return new LocalTangentPlane(m.sensorPosition())
                .toGeodetic(new EnuPoint(r * Math.sin(az), r * Math.cos(az), up))
                .altM();
    }

    /** Straight-line distance from the radar to the point a plot places in ENU at up. */
    private static double slantOf(RadarPlot m, double up) {
        return Math.hypot(m.rangeM(), up);
    }

    /** The up a plot's horizontal range leaves for a slant range (the solve's other root). */
    private static double upOf(RadarPlot m, double slant, double sign) {
        return sign * Math.sqrt(slant * slant - m.rangeM() * m.rangeM());
    }

    @Test
    void aCat048PlotBecomesARadarPlotProjectedToHorizontalRange() {
        Cat048Plot plot = rawPlot();
        Observation o = single(new AsterixObservationMapper(RADAR).map(plot, DAY));

        RadarPlot m = (RadarPlot) o.measurement();
        double fl = 330 * 100 * 0.3048;
        double slant = 197.68359375 * 1852;
        // With the Earth's curvature: the point at this horizontal range and azimuth whose straight
        // line from the antenna is the slant range has the flight level as its geodetic height.
        // 366 km out, FL330 is below the radar's horizontal plane (curvature takes 10.5 km).
        double up = upOf(m, slant, -1);
        assertThat(up).isBetween(-1000.0, 0.0);
        assertThat(heightOf(m, up)).isCloseTo(fl, within(1e-3));
        assertThat(slantOf(m, up)).isCloseTo(slant, within(1e-6));
        // the flat projection this replaced put the plot 130 m too close
        double dh = fl - RADAR_SITE.altM();
        assertThat(m.rangeM() - Math.sqrt(slant * slant - dh * dh)).isBetween(100.0, 160.0);
        assertThat(m.hasElevation()).isFalse(); // a flight level measures no height
        assertThat(m.azimuthDeg()).isEqualTo(340.13671875);
        assertThat(m.sensorPosition()).isEqualTo(RADAR_SITE);
        assertThat(m.sigmaRangeM()).isEqualTo(RADAR.sigmaRangeM());
        assertThat(m.sigmaAzimuthDeg()).isEqualTo(RADAR.sigmaAzimuthDeg());
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2016-05-05T07:35:54.6015625Z"));
        assertThat(o.identity().icao24()).isEqualTo("3C660C");
        assertThat(o.identity().callsign()).isEqualTo("DLH65A");
        assertThat(o.sensorKind()).isEqualTo(SensorKind.GROUND_RADAR);
        assertThat(o.partnerId()).isEqualTo("hrv");
        assertThat(o.sensorId()).isEqualTo("radar-zagreb");
        assertThat(o.velocity()).isNull();
        assertThat(
                        new AsterixObservationMapper(RADAR)
                                .map(plot, DAY)
                                .values()
                                .get(0)
                                .observationId())
                .isEqualTo(o.observationId());
    }

    @Test
    void aThreeDRadarsHeightBecomesThePlotsElevation() {
        SensorConfig radar3d = RADAR.withSigmaHeightM(150.0);
        for (double[] c : new double[][] {{20_000, 1_500}, {90_000, 8_000}, {250_000, 11_000}}) {
            double slant = c[0], height = c[1];
            RadarPlot m =
                    (RadarPlot)
                            single(
                                            new AsterixObservationMapper(radar3d)
                                                    .map(heightPlot(slant, 75.0, height), DAY))
                                    .measurement();
            assertThat(m.hasElevation()).isTrue();
            double up = m.rangeM() * Math.tan(Math.toRadians(m.elevationDeg()));
            // the tracker's height of the plot (TrackHeight: the point at range, azimuth and
            // elevation in the radar's ENU frame) is the radar's height, and the line is the slant
            assertThat(heightOf(m, up)).as("slant %s", slant).isCloseTo(height, within(1e-3));
            assertThat(slantOf(m, up)).isCloseTo(slant, within(1e-6));
            // σ_h = r σ_el / cos² el
            double el = Math.toRadians(m.elevationDeg());
            double sigmaH =
                    m.rangeM()
                            * Math.toRadians(m.sigmaElevationDeg())
                            / (Math.cos(el) * Math.cos(el));
            assertThat(sigmaH).isCloseTo(150.0, within(1e-9));
            assertThat(m.sigmaRangeM()).isEqualTo(radar3d.sigmaRangeM());
        }
    }

    @Test
    void aTwoDRadarOrAnImpossibleHeightMeasuresNoHeight() {
        // the registry does not declare a height error: I110 places the plot, measures nothing
        RadarPlot m =
                (RadarPlot)
                        single(
                                        new AsterixObservationMapper(RADAR)
                                                .map(heightPlot(30_000, 10.0, 2_000), DAY))
                                .measurement();
        assertThat(m.hasElevation()).isFalse();
        assertThat(heightOf(m, upOf(m, 30_000, 1))).isCloseTo(2_000, within(1e-3));
        // a height further from the antenna than the slant range reaches: the range as is
        RadarPlot far =
                (RadarPlot)
                        single(
                                        new AsterixObservationMapper(RADAR.withSigmaHeightM(150.0))
                                                .map(heightPlot(1_000, 10.0, 5_000), DAY))
                                .measurement();
        assertThat(far.hasElevation()).isFalse();
        assertThat(far.rangeM()).isEqualTo(1_000);
        // nearly overhead (under 100 m horizontal) the elevation's sigma has no bound: none
        RadarPlot overhead =
                (RadarPlot)
                        single(
                                        new AsterixObservationMapper(RADAR.withSigmaHeightM(150.0))
                                                .map(
                                                        heightPlot(
                                                                3_000,
                                                                10.0,
                                                                RADAR_SITE.altM() + 2_999),
                                                        DAY))
                                .measurement();
        assertThat(overhead.rangeM()).isLessThan(100.0);
        assertThat(overhead.hasElevation()).isFalse();
    }

    @Test
    void aLivePlotIsDatedToTheDayNearestItsReception() {
        AsterixObservationMapper mapper = new AsterixObservationMapper(RADAR);
        // the vector's plot is stamped 07:35:54.6; received shortly after midnight it belongs to
        // the day before only if that is nearer: here the same day is nearer (7.6 h vs 16.4 h)
        assertThat(
                        single(mapper.map(rawPlot(), Instant.parse("2016-05-05T00:00:00.1Z")))
                                .eventTime())
                .isEqualTo(Instant.parse("2016-05-05T07:35:54.6015625Z"));
        // received at 20:00 the day before, the next morning (11.6 h ahead) is nearer than that
        // morning (12.4 h back); received at 08:00, the same morning
        assertThat(single(mapper.map(rawPlot(), Instant.parse("2016-05-04T20:00:00Z"))).eventTime())
                .isEqualTo(Instant.parse("2016-05-05T07:35:54.6015625Z"));
        assertThat(single(mapper.map(rawPlot(), Instant.parse("2016-05-05T08:00:00Z"))).eventTime())
                .isEqualTo(Instant.parse("2016-05-05T07:35:54.6015625Z"));
        // a plot stamped just before midnight and received just after belongs to the day before
        Cat048Plot lastSecond =
                new Cat048Plot(
                        25,
                        13,
                        86_399.9,
                        1,
                        false,
                        false,
                        1000,
                        10,
                        -1,
                        false,
                        false,
                        Double.NaN,
                        false,
                        "",
                        "",
                        7,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        true);
        assertThat(
                        single(mapper.map(lastSecond, Instant.parse("2016-05-06T00:00:00.1Z")))
                                .eventTime())
                .isEqualTo(Instant.parse("2016-05-05T23:59:59.900Z"));
    }

    @Test
    void aSurfacePlotKeepsItsRangeAndAPlotWithoutPositionIsAnError() {
        AsterixObservationMapper mapper = new AsterixObservationMapper(RADAR);
        RadarPlot m = (RadarPlot) single(mapper.map(surfacePlot(5000, 12.5), DAY)).measurement();
        assertThat(m.rangeM()).isEqualTo(5000);

        DecodeResult<Observation> noPosition = mapper.map(surfacePlot(Double.NaN, Double.NaN), DAY);
        assertThat(noPosition.values()).isEmpty();
        assertThat(noPosition.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("I040"));

        DecodeResult<Observation> notARadar =
                new AsterixObservationMapper(ADSB).map(rawPlot(), DAY);
        assertThat(notARadar.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("range/azimuth noise"));
    }

    @Test
    void aCat062TrackBecomesASensorTrackUpdate() {
        byte[] datagram =
                PcapReader.read(PeerData.bytes("asterix/input/cat_062_065.pcap"))
                        .values()
                        .get(0)
                        .payload();
        Cat062Track track = Cat062.decode(datagram).values().get(0);
        Observation o = single(new AsterixObservationMapper(SDPS).map(track, DAY));

        SensorTrackUpdate u = (SensorTrackUpdate) o.measurement();
        assertThat(u.localTrackId()).isEqualTo("062/25-100/4713");
        assertThat(u.fix().position().latDeg()).isCloseTo(41.1671233, within(1e-6));
        assertThat(u.fix().position().lonDeg()).isCloseTo(15.7088667, within(1e-6));
        assertThat(u.fix().position().altM()).isCloseTo(36481.25 * 0.3048, within(1e-9));
        // the vector's altitude is I130, the calculated geometric (ellipsoidal) one: measured
        assertThat(track.geometricAltitudeM()).isCloseTo(36481.25 * 0.3048, within(1e-9));
        assertThat(u.fix().sigmaAltM()).isCloseTo(45 / 1.96, within(1e-9));
        // No I500 in this record: the sensor's default sigma applies.
        assertThat(u.fix().covEastEastM2())
                .isEqualTo(SDPS.sigmaPositionM() * SDPS.sigmaPositionM());
        assertThat(o.velocity().eastMps()).isEqualTo(228.75);
        assertThat(o.velocity().northMps()).isEqualTo(-47.25);
        assertThat(o.identity().icao24()).isEqualTo("4CA7A8");
        assertThat(o.identity().callsign()).isEqualTo("RYR174C");
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2016-05-05T12:43:47.3984375Z"));
    }

    @Test
    void estimatedAccuraciesBecomeTheCovarianceClampedToPositiveDefinite() {
        Cat062Track track = track(41.0, 15.0, 20.0, 10.0, 10_000.0);
        PositionFix fix =
                ((SensorTrackUpdate)
                                single(new AsterixObservationMapper(SDPS).map(track, DAY))
                                        .measurement())
                        .fix();
        assertThat(fix.covEastEastM2()).isEqualTo(400.0);
        assertThat(fix.covNorthNorthM2()).isEqualTo(100.0);
        assertThat(fix.covEastNorthM2()).isCloseTo(0.99 * 200.0, within(1e-9));

        DecodeResult<Observation> outside =
                new AsterixObservationMapper(SDPS).map(track(95.0, 15.0, 20, 10, 0), DAY);
        assertThat(outside.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("outside WGS-84"));
    }

    @Test
    void aCat062BarometricAltitudeAloneIsNoMeasuredHeightAndAnImplausibleGeometricOneAnError() {
        AsterixObservationMapper mapper = new AsterixObservationMapper(SDPS);
        PositionFix baro =
                ((SensorTrackUpdate)
                                single(mapper.map(withAltitudes(Double.NaN, 120), DAY))
                                        .measurement())
                        .fix();
        assertThat(baro.position().altM()).isCloseTo(120 * 100 * 0.3048, within(1e-9));
        assertThat(baro.hasHeight()).isFalse();

        PositionFix geometric =
                ((SensorTrackUpdate)
                                single(mapper.map(withAltitudes(812.5, 120), DAY)).measurement())
                        .fix();
        assertThat(geometric.position().altM()).isEqualTo(812.5);
        assertThat(geometric.sigmaAltM()).isCloseTo(45 / 1.96, within(1e-9));

        // I130 reaches 62 km with 16 bits; beyond 100 km is no plausible height
        for (double bad : new double[] {-1500.0, 150_000.0}) {
            assertThat(mapper.map(withAltitudes(bad, 120), DAY).errors())
                    .singleElement()
                    .satisfies(
                            e ->
                                    assertThat(e.reason())
                                            .contains("I130 geometric altitude", "plausible"));
        }
    }

    private static Cat062Track withAltitudes(double geometricM, double barometricFl) {
        Cat062Track t = track(41.0, 15.0, 20.0, 10.0, 0.0);
        return new Cat062Track(
                t.sac(),
                t.sic(),
                t.serviceId(),
                t.timeOfTrackSeconds(),
                t.latDeg(),
                t.lonDeg(),
                t.xM(),
                t.yM(),
                t.vxMps(),
                t.vyMps(),
                t.axMps2(),
                t.ayMps2(),
                t.mode3A(),
                t.trackNumber(),
                t.icao24(),
                t.callsign(),
                t.measuredFlightLevel(),
                geometricM,
                barometricFl,
                t.rateOfClimbMps(),
                t.simulated(),
                t.tentative(),
                t.coasting(),
                t.lastUpdate(),
                t.sigmaXM(),
                t.sigmaYM(),
                t.covarianceXYM2());
    }

    @Test
    void aCat021ReportBecomesAPositionFixWithNacpAccuracy() {
        Cat021Report report = Cat021.decode(Cat021DecodeTest.block()).values().get(0);
        Observation o = single(new AsterixObservationMapper(ADSB).map(report, DAY));

        PositionFix fix = (PositionFix) o.measurement();
        double sigma = 30 / Math.sqrt(5.991464547107979); // NACp 9: EPU < 30 m
        assertThat(fix.covEastEastM2()).isCloseTo(sigma * sigma, within(1e-9));
        assertThat(fix.position().altM()).isCloseTo(-304.8, within(1e-9));
        // the geometric height is a measured height, σ from GVA 2 (45 m at 95 %)
        assertThat(fix.sigmaAltM()).isCloseTo(45 / 1.96, within(1e-9));
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2016-05-05T08:00:02.500Z"));
        assertThat(o.velocity().eastMps()).isCloseTo(450 * 1852 / 3600.0, within(1e-9));
        assertThat(o.velocity().northMps()).isCloseTo(0, within(1e-9));
        assertThat(o.velocity().upMps()).isCloseTo(200 * 0.3048 / 60, within(1e-9));
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.DRONE);
        assertThat(o.identity().icao24()).isEqualTo("4CA7A8");
        assertThat(o.sensorKind()).isEqualTo(SensorKind.ADSB);
    }

    @Test
    void aCat021FlightLevelAloneIsNoMeasuredHeight() {
        Cat021Report r = Cat021.decode(Cat021DecodeTest.block()).values().get(0);
        Cat021Report flightLevelOnly =
                new Cat021Report(
                        r.sac(),
                        r.sic(),
                        r.icao24(),
                        r.callsign(),
                        r.trackNumber(),
                        r.latDeg(),
                        r.lonDeg(),
                        r.timeOfApplicabilityPositionSeconds(),
                        r.timeOfReceptionPositionSeconds(),
                        r.timeOfReportTransmissionSeconds(),
                        Double.NaN,
                        r.flightLevel(),
                        r.groundSpeedMps(),
                        r.trackAngleDeg(),
                        r.barometricVerticalRateMps(),
                        r.geometricVerticalRateMps(),
                        r.mode3A(),
                        r.emitterCategory(),
                        r.nacp(),
                        r.nic(),
                        r.simulated(),
                        r.testTarget(),
                        r.onGround());

        PositionFix fix =
                (PositionFix)
                        single(new AsterixObservationMapper(ADSB).map(flightLevelOnly, DAY))
                                .measurement();

        assertThat(fix.position().altM()).isCloseTo(350 * 100 * 0.3048, within(1e-9));
        assertThat(fix.hasHeight()).isFalse();
    }

    @Test
    void serviceMessagesAreNotObservations() {
        Cat034Service north =
                new Cat034Service(
                        25,
                        13,
                        Cat034MessageType.NORTH_MARKER,
                        100,
                        Double.NaN,
                        4.0,
                        false,
                        false,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN);
        DecodeResult<Observation> r = new AsterixObservationMapper(RADAR).map(north, DAY);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void timesOfDayNearMidnightTakeTheDateNearestTheReference() {
        Instant justAfterMidnight = Instant.parse("2016-05-06T00:00:00.100Z");
        assertThat(AsterixTime.dateNear(86_399.9, justAfterMidnight)).isEqualTo(DAY);
        assertThat(AsterixTime.dateNear(0.5, justAfterMidnight)).isEqualTo(DAY.plusDays(1));
        assertThat(AsterixTime.dateNear(0.2, Instant.parse("2016-05-05T23:59:59.900Z")))
                .isEqualTo(DAY.plusDays(1));

        Cat048Plot beyondMidnight =
                new Cat048Plot(
                        25,
                        13,
                        90_000,
                        1,
                        false,
                        false,
                        100,
                        1,
                        -1,
                        false,
                        false,
                        Double.NaN,
                        false,
                        "",
                        "",
                        7,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        Double.NaN,
                        true);
        assertThat(new AsterixObservationMapper(RADAR).map(beyondMidnight, DAY).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("time of day"));
    }

    static Cat062Track track(double lat, double lon, double sigmaX, double sigmaY, double covXY) {
        return new Cat062Track(
                25,
                100,
                1,
                45_000,
                lat,
                lon,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                -1,
                12,
                "",
                "",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                false,
                false,
                false,
                false,
                sigmaX,
                sigmaY,
                covXY);
    }

    static Observation single(DecodeResult<Observation> r) {
        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(1);
        return r.values().get(0);
    }
}
