package io.cordon.connectors.cot;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.io.CharArrayReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decodes one CoT {@code <event>} XML document (a UDP datagram, one framed message of a stream).
 *
 * <p>Reads {@code event@uid,type,how,time,start,stale}, {@code point@lat,lon,hae,ce,le}, {@code
 * detail/track@course,speed,slope} and {@code detail/contact@callsign}; other detail elements are
 * skipped. Rules: see {@link CotEventBuilder}. The input must be UTF-8, as TAK requires (the XML
 * declaration's encoding is not consulted). Security: no DTDs, no external entities (XXE) and no
 * entity expansion beyond XML's five: a document with a DOCTYPE is rejected. Error offsets are 0
 * (the whole input is the unit) and carry the input.
 *
 * <p>Not thread-safe (one StAX factory per instance).
 */
public final class CotXmlDecoder implements Decoder<CotEvent> {
    private final XMLInputFactory factory;

    public CotXmlDecoder() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    @Override
    public DecodeResult<CotEvent> decode(byte[] input) {
        if (input == null || input.length == 0) {
            return DecodeResult.error("empty input", 0, input);
        }
        CharBuffer text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(input));
        } catch (CharacterCodingException notUtf8) {
            return DecodeResult.error("input is not UTF-8", 0, input);
        }
        CotEventBuilder event = new CotEventBuilder();
        String problem;
        XMLStreamReader reader = null;
        try {
            reader =
                    factory.createXMLStreamReader(
                            new CharArrayReader(text.array(), 0, text.limit()));
            problem = read(reader, event);
        } catch (XMLStreamException | RuntimeException malformed) {
            // the JDK's StAX parser signals some malformed input with unchecked exceptions
            problem = "malformed XML: " + firstLine(malformed.getMessage());
        } finally {
            close(reader);
        }
        if (problem != null) {
            return DecodeResult.error(problem, 0, input);
        }
        DecodeResult<CotEvent> built = event.build();
        return built.values().isEmpty()
                ? DecodeResult.error(built.errors().get(0).reason(), 0, input)
                : built;
    }

    /** Reads the document into {@code event}; returns a problem or null. */
    private static String read(XMLStreamReader r, CotEventBuilder event) throws XMLStreamException {
        int depth = 0;
        boolean inDetail = false;
        boolean sawEvent = false;
        while (r.hasNext()) {
            int kind = r.next();
            if (kind == XMLStreamConstants.DTD) {
                return "DOCTYPE is not allowed in CoT";
            }
            if (kind == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1 && "detail".equals(r.getLocalName())) {
                    inDetail = false;
                }
                continue;
            }
            if (kind != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String name = r.getLocalName();
            if (depth == 1) {
                if (!name.equals("event")) {
                    return "root element is <" + name + ">, not <event>";
                }
                sawEvent = true;
                String problem = readEvent(r, event);
                if (problem != null) {
                    return problem;
                }
            } else if (depth == 2 && name.equals("point")) {
                String problem = readPoint(r, event);
                if (problem != null) {
                    return problem;
                }
            } else if (depth == 2 && name.equals("detail")) {
                inDetail = true;
            } else if (depth == 3 && inDetail && name.equals("track")) {
                String problem = readTrack(r, event);
                if (problem != null) {
                    return problem;
                }
            } else if (depth == 3 && inDetail && name.equals("contact")) {
                event.callsign(r.getAttributeValue(null, "callsign"));
            }
        }
        return sawEvent ? null : "no <event> element";
    }

    private static String readEvent(XMLStreamReader r, CotEventBuilder event) {
        event.uid(r.getAttributeValue(null, "uid"))
                .type(r.getAttributeValue(null, "type"))
                .how(r.getAttributeValue(null, "how"));
        for (String attribute : new String[] {"time", "start", "stale"}) {
            String text = r.getAttributeValue(null, attribute);
            if (text == null) {
                continue;
            }
            Instant t = CotTime.parse(text);
            if (t == null) {
                return "event " + attribute + " '" + clip(text) + "' is not an xs:dateTime";
            }
            switch (attribute) {
                case "time" -> event.time(t);
                case "start" -> event.start(t);
                default -> event.stale(t);
            }
        }
        return null;
    }

    private static String readPoint(XMLStreamReader r, CotEventBuilder event) {
        double[] v = new double[5];
        String[] names = {"lat", "lon", "hae", "ce", "le"};
        for (int i = 0; i < names.length; i++) {
            String text = r.getAttributeValue(null, names[i]);
            if (text == null) {
                if (i < 2) {
                    return "point has no " + names[i];
                }
                v[i] = Double.NaN;
                continue;
            }
            v[i] = number(text);
            if (Double.isNaN(v[i])) {
                return "point " + names[i] + " '" + clip(text) + "' is not a decimal";
            }
        }
        event.point(v[0], v[1]).accuracy(v[2], v[3], v[4]);
        return null;
    }

    private static String readTrack(XMLStreamReader r, CotEventBuilder event) {
        String course = r.getAttributeValue(null, "course");
        String speed = r.getAttributeValue(null, "speed");
        if (course == null || speed == null) {
            return "track needs course and speed";
        }
        String slopeText = r.getAttributeValue(null, "slope");
        double c = number(course);
        double s = number(speed);
        double slope = slopeText == null ? Double.NaN : number(slopeText);
        if (Double.isNaN(c) || Double.isNaN(s) || (slopeText != null && Double.isNaN(slope))) {
            return "track course '"
                    + clip(course)
                    + "' / speed '"
                    + clip(speed)
                    + "' is not a decimal";
        }
        event.track(c, s, slope);
        return null;
    }

    /** An xs:decimal (also accepting exponents, as producers write them), or NaN. */
    static double number(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > 40 || t.contains("N") || t.contains("I")) {
            return Double.NaN; // no NaN, Infinity
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException ignored) {
            // nothing to release for an in-memory stream
        }
    }
}
