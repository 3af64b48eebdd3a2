package io.cordon.pipeline.observation;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * A releasability marking: which partners may receive the data and anything derived from it.
 *
 * @param releasableToAll true when no restriction applies
 * @param partners the partner ids the data is releasable to when {@code releasableToAll} is false
 *     (sorted, never null)
 */
public record Marking(boolean releasableToAll, Set<String> partners) {
    public static final Marking UNRESTRICTED = new Marking(true, Set.of());

    public Marking {
        partners =
                releasableToAll
                        ? Set.of()
                        : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(partners));
    }

    public static Marking releasableTo(Collection<String> partnerIds) {
        return new Marking(false, new TreeSet<>(partnerIds));
    }

    public boolean releasableTo(String partnerId) {
        return releasableToAll || partners.contains(partnerId);
    }

    /** The marking of data derived from both: releasable only where both are. */
    public Marking intersect(Marking other) {
        if (releasableToAll) {
            return other;
        }
        if (other.releasableToAll) {
            return this;
        }
        Set<String> both = new TreeSet<>(partners);
        both.retainAll(other.partners);
        return new Marking(false, both);
    }
}
