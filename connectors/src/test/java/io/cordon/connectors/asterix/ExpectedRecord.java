package io.cordon.connectors.asterix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One record of an upstream ASTERIX JSON dump ({@code asterix -j}): category, record bytes as hex
 * and the decoded items of the {@code CATnnn} object, with assertions that compare a decoded value
 * to the expected one within the item's resolution.
 */
public final class ExpectedRecord {
    private final Map<String, Object> json;
    private final Map<String, Object> items;
    private final int line;

    @SuppressWarnings("unchecked")
    private ExpectedRecord(Map<String, Object> json, int line) {
        this.json = json;
        this.line = line;
        this.items = (Map<String, Object>) json.get(String.format("CAT%03d", category()));
    }

    /** Every record of a JSON-lines file under {@code shared/peerdata}. */
    public static List<ExpectedRecord> load(String relative) {
        try {
            List<ExpectedRecord> records = new ArrayList<>();
            int n = 0;
            for (String l : Files.readAllLines(PeerData.path(relative))) {
                n++;
                if (!l.isBlank()) {
                    records.add(new ExpectedRecord(LenientJson.object(l), n));
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int category() {
        return ((Number) json.get("cat")).intValue();
    }

    public String hex() {
        return (String) json.get("hexdata");
    }

    public List<String> itemIds() {
        return new ArrayList<>(items.keySet());
    }

    public boolean has(String item) {
        return items.containsKey(item);
    }

    /** The value at {@code item/path...} (nested subfield names). */
    @SuppressWarnings("unchecked")
    public Object get(String item, String... path) {
        Object v = items.get(item);
        for (String key : path) {
            if (!(v instanceof Map)) {
                throw new AssertionError(where() + ": " + item + " has no " + key);
            }
            v = ((Map<String, Object>) v).get(key);
        }
        if (v == null) {
            throw new AssertionError(
                    where() + ": no value at " + item + "/" + String.join("/", path));
        }
        return v;
    }

    public double num(String item, String... path) {
        return ((Number) get(item, path)).doubleValue();
    }

    public String str(String item, String... path) {
        return (String) get(item, path);
    }

    /**
     * Asserts {@code actual} equals the expected value within half an LSB of {@code resolution}.
     */
    public void assertClose(double actual, double resolution, String item, String... path) {
        double expected = num(item, path);
        assertThat(actual)
                .as("%s %s/%s", where(), item, String.join("/", path))
                .isCloseTo(expected, within(resolution / 2 + 1e-6 * Math.abs(expected) + 1e-7));
    }

    public void assertEquals(Object actual, String item, String... path) {
        Object expected = get(item, path);
        if (expected instanceof Number number) {
            expected = number.intValue();
        }
        assertThat(actual)
                .as("%s %s/%s", where(), item, String.join("/", path))
                .isEqualTo(expected);
    }

    public String where() {
        return "expected line " + line + " (CAT" + category() + " " + hex() + ")";
    }
}
