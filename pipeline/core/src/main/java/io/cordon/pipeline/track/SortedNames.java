package io.cordon.pipeline.track;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable set of names (sensor or partner ids) in their natural order. {@link EntityTrack}
 * keeps one as it is instead of copying it, so a producer that emits many tracks with the same
 * sources (the tracker: every update of a track) builds the set once, when the sources change,
 * instead of once per emitted track. Equal to any other set with the same elements ({@link
 * AbstractSet#equals}), printed as a {@link TreeSet} is.
 *
 * <p>Sets of one name (a new track's sensor and partner) are shared: every call for the same name
 * returns the same instance (from a bounded cache, safe across threads: the sets are immutable), so
 * the tracks a tracker emits refer to a few sets that stay in cache.
 */
public final class SortedNames extends AbstractSet<String> implements SortedSet<String> {
    private static final SortedNames EMPTY = new SortedNames(new TreeSet<>());
    private static final int SINGLES_MAX = 4096;
    private static final ConcurrentHashMap<String, SortedNames> SINGLES = new ConcurrentHashMap<>();

    // Never modified after construction, and never handed out other than as unmodifiable views.
    private final SortedSet<String> view;

    private SortedNames(TreeSet<String> owned) {
        this.view = Collections.unmodifiableSortedSet(owned);
    }

    /** The names of {@code values} (null: none), copied. */
    public static SortedNames of(Collection<String> values) {
        if (values instanceof SortedNames names) {
            return names;
        }
        if (values == null || values.isEmpty()) {
            return EMPTY;
        }
        if (values.size() == 1) {
            String name = values.iterator().next();
            if (name != null) {
                return single(name);
            }
        }
        return new SortedNames(new TreeSet<>(values));
    }

    private static SortedNames single(String name) {
        SortedNames known = SINGLES.get(name);
        if (known == null) {
            if (SINGLES.size() >= SINGLES_MAX) {
                SINGLES.clear();
            }
            TreeSet<String> one = new TreeSet<>();
            one.add(name);
            known = new SortedNames(one);
            SortedNames raced = SINGLES.putIfAbsent(name, known);
            if (raced != null) {
                known = raced;
            }
        }
        return known;
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean contains(Object o) {
        return view.contains(o);
    }

    @Override
    public Iterator<String> iterator() {
        return view.iterator();
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public SortedSet<String> subSet(String fromElement, String toElement) {
        return view.subSet(fromElement, toElement);
    }

    @Override
    public SortedSet<String> headSet(String toElement) {
        return view.headSet(toElement);
    }

    @Override
    public SortedSet<String> tailSet(String fromElement) {
        return view.tailSet(fromElement);
    }

    @Override
    public String first() {
        return view.first();
    }

    @Override
    public String last() {
        return view.last();
    }
}
