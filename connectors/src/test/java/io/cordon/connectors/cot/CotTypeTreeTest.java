package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.vectors.PeerVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Our affiliation and battle-dimension atoms against the ones MITRE's CoT type tree ({@code
 * cot-tak/takcot/mitre/types.txt}) defines in the base schema (status '-').
 */
class CotTypeTreeTest {
    private static final Pattern ATOM = Pattern.compile("^-\\s+([A-Za-z]) - (.+)$");

    @Test
    void everyDefinedAffiliationAndDimensionIsRecognised() {
        List<String> lines = PeerVectors.lines("cot-tak/takcot/mitre/types.txt");
        List<Character> affiliations =
                atomsBetween(lines, "CoT affiliation of these atoms", "Battle dimension");
        List<Character> dimensions =
                atomsBetween(lines, "Battle dimension", "Function (dimension specific!)");

        assertThat(affiliations).containsExactly('p', 'u', 'a', 'f', 'n', 's', 'h', 'j', 'k', 'o');
        assertThat(dimensions).containsExactly('P', 'A', 'G', 'S', 'U', 'X');
        for (char a : affiliations) {
            for (char d : dimensions) {
                CotType type = CotType.parse("a-" + a + "-" + d + "-E");
                assertThat(type.affiliation()).isNotEqualTo(Affiliation.NOT_APPLICABLE);
                assertThat(type.affiliation().code()).isEqualTo(a);
                assertThat(type.dimension().code()).isEqualTo(d);
            }
        }
        assertThat(CotType.parse("a-x-G").affiliation())
                .as("'x' (Other) is deprecated in the tree")
                .isEqualTo(Affiliation.NOT_APPLICABLE);
    }

    private static List<Character> atomsBetween(List<String> lines, String start, String end) {
        List<Character> atoms = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains(start)) {
                inside = true;
            } else if (line.contains(end)) {
                if (inside) {
                    break;
                }
            } else if (inside) {
                Matcher m = ATOM.matcher(line);
                if (m.matches()) {
                    atoms.add(m.group(1).charAt(0));
                }
            }
        }
        return atoms;
    }
}
