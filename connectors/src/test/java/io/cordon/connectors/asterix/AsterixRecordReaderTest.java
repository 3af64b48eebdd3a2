package io.cordon.connectors.asterix;

import static io.cordon.connectors.asterix.ItemFormat.compound;
import static io.cordon.connectors.asterix.ItemFormat.explicit;
import static io.cordon.connectors.asterix.ItemFormat.extended;
import static io.cordon.connectors.asterix.ItemFormat.fixed;
import static io.cordon.connectors.asterix.ItemFormat.repetitive;
import static io.cordon.connectors.asterix.ItemSpec.item;
import static io.cordon.connectors.asterix.ItemSpec.spare;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The length rules of the five item formats, FSPEC extension and block/record framing. */
class AsterixRecordReaderTest {
    /**
     * A made-up category 200 with one item of every format and a spare FRN, eight FRNs so that the
     * FSPEC needs its FX extension for FRN 8.
     */
    static final Uap TEST_UAP =
            Uap.of(
                    200,
                    "test",
                    item("I001", fixed(2)),
                    item("I002", extended(1, 1)),
                    item("I003", repetitive(3)),
                    item(
                            "I004",
                            compound(
                                    fixed(1),
                                    null,
                                    fixed(2),
                                    null,
                                    null,
                                    null,
                                    null,
                                    repetitive(1))),
                    spare(),
                    item("I006", extended(2, 1)),
                    item("SP", explicit()),
                    item("I008", fixed(1)));

    final List<AsterixRecord> records = new ArrayList<>();
    final List<String> errors = new ArrayList<>();
    final List<int[]> errorRanges = new ArrayList<>();

    void read(byte[] input) {
        new AsterixRecordReader(List.of(TEST_UAP))
                .read(
                        input,
                        new AsterixRecordReader.Sink() {
                            @Override
                            public void record(AsterixRecord r) {
                                records.add(r);
                            }

                            @Override
                            public void error(String reason, int from, int to) {
                                errors.add(reason);
                                errorRanges.add(new int[] {from, to});
                            }
                        });
    }

    @Test
    void delimitsEveryFormatAndFollowsTheFspecExtension() {
        byte[] block =
                new BlockBuilder(200)
                        .item(1, 0xAA, 0xBB)
                        .item(2, 0x03, 0x05, 0x02) // FX, FX, end: three octets
                        .item(3, 2, 1, 2, 3, 4, 5, 6) // REP = 2 of 3 octets
                        .item(4, 0xA1, 0x80, 9, 0x12, 0x34, 2, 7, 8) // compound: subfields 0, 2 | 7
                        .item(6, 0x00, 0x01, 0x00) // 2-octet primary with FX, one extension
                        .item(7, 3, 0xEE, 0xFF) // explicit length 3
                        .item(8, 0x77)
                        .build();
        read(block);

        assertThat(errors).isEmpty();
        assertThat(records).hasSize(1);
        AsterixRecord r = records.get(0);
        assertThat(r.itemIds())
                .containsExactly("I001", "I002", "I003", "I004", "I006", "SP", "I008");
        assertThat(r.lengthOctets()).isEqualTo(block.length - 3);
        assertThat(r.itemLength(2)).isEqualTo(3);
        assertThat(r.itemLength(3)).isEqualTo(7);
        assertThat(r.itemLength(4)).isEqualTo(8);
        assertThat(r.itemLength(6)).isEqualTo(3);
        assertThat(r.itemLength(7)).isEqualTo(3);
        assertThat(block[r.itemOffset(8)]).isEqualTo((byte) 0x77);
        // Compound: subfield 0 (1 octet) then subfield 2 (2 octets) then subfield 7 (repetitive).
        assertThat(block[r.subfieldOffset(4, 0)]).isEqualTo((byte) 9);
        assertThat(block[r.subfieldOffset(4, 2)]).isEqualTo((byte) 0x12);
        assertThat(r.subfieldOffset(4, 1)).isEqualTo(-1);
        assertThat(block[r.subfieldOffset(4, 7)]).isEqualTo((byte) 2);
    }

    @Test
    void readsSeveralRecordsPerBlockAndSeveralBlocksPerInput() {
        byte[] first =
                new BlockBuilder(200)
                        .item(1, 1, 1)
                        .endRecord()
                        .item(1, 2, 2)
                        .item(8, 9)
                        .endRecord()
                        .build();
        byte[] second = new BlockBuilder(200).item(2, 0x10).build();
        read(concat(first, second));

        assertThat(errors).isEmpty();
        assertThat(records)
                .extracting(AsterixRecord::itemIds)
                .containsExactly(List.of("I001"), List.of("I001", "I008"), List.of("I002"));
        assertThat(records.get(2).offset()).isEqualTo(first.length + 3);
    }

    @Test
    void aSpareFrnEndsTheBlockWithAReasonButTheNextBlockIsRead() {
        byte[] bad = new BlockBuilder(200).item(1, 1, 1).item(5, 0).build();
        byte[] good = new BlockBuilder(200).item(1, 3, 3).build();
        read(concat(bad, good));

        assertThat(errors).singleElement().asString().contains("FRN 5 is spare");
        assertThat(errorRanges.get(0)).containsExactly(3, bad.length);
        assertThat(records)
                .singleElement()
                .extracting(AsterixRecord::offset)
                .isEqualTo(bad.length + 3);
    }

    @Test
    void reportsTruncatedItemsExplicitZeroAndUndefinedSubfields() {
        read(new BlockBuilder(200).item(3, 5, 1, 2).build()); // REP 5 x 3 octets, 2 present
        read(new BlockBuilder(200).item(7, 0).build());
        read(new BlockBuilder(200).item(4, 0x40, 1).build()); // subfield 2 is spare
        read(new BlockBuilder(200).item(2, 0x01).build()); // FX set, extension missing

        assertThat(records).isEmpty();
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).contains("I003").contains("runs past the end of the block");
        assertThat(errors.get(1)).contains("SP").contains("explicit length octet is 0");
        assertThat(errors.get(2)).contains("I004").contains("subfield");
        assertThat(errors.get(3)).contains("I002").contains("runs past");
    }

    @Test
    void reportsBadBlockHeadersAndUnknownCategories() {
        read(new byte[] {(byte) 200, 0});
        read(new byte[] {(byte) 200, 0, 2, 0});
        read(new byte[] {(byte) 200, 0, 9, (byte) 0x80, 1});
        read(new byte[] {(byte) 200, 0, 3});
        read(concat(new byte[] {65, 0, 4, 0}, new BlockBuilder(200).item(1, 4, 4).build()));
        read(new byte[] {(byte) 200, 0, 4, 0});

        assertThat(errors).hasSize(6);
        assertThat(errors.get(0)).contains("truncated data block header");
        assertThat(errors.get(1)).contains("LEN 2 is less than 3");
        assertThat(errors.get(2)).contains("LEN 9 exceeds the 5 octets left");
        assertThat(errors.get(3)).contains("holds no record");
        assertThat(errors.get(4)).contains("category 65 is not decoded here");
        assertThat(errors.get(5)).contains("FSPEC announces no item");
        assertThat(records).hasSize(1);
    }

    @Test
    void rejectsFrnsBeyondTheUapAndOverlongFspecs() {
        read(new BlockBuilder(200).item(9, 0).build());
        read(new byte[] {(byte) 200, 0, 13, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});

        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("FRN 9 is beyond the 8 FRNs");
        assertThat(errors.get(1)).contains("FSPEC longer than");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
